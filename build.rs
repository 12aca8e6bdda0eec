//! Turns the catalog data (`templates/catalog/*.toml`, written for people) into JSON for the
//! binary to embed: JSON reads about ten times faster, and a catalog file that is not valid TOML
//! fails the build instead of a user's run.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=templates/catalog");
    for name in ["kinds", "roles", "activities", "deliverables", "meetings"] {
        let source = Path::new("templates/catalog").join(format!("{name}.toml"));
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let json = serde_json::to_string(&value).expect("TOML values are JSON values");
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .expect("OUT_DIR is writable");
    }
}
