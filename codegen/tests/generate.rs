//! Generation from the real samples, skipped columns, and the command (`generate --check`, `drift`).

use std::path::{Path, PathBuf};
use std::process::Command;

use dataverse_model::Entity;
use dataverse_model_codegen::{Layout, Options, generate, render};
use dataverse_model_tests::session::SalesSession;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dataverse-model-codegen"))
}

#[test]
fn the_real_samples_generate_what_they_hold() {
    let generated = generate(&fixture("samples"), &Options::default()).unwrap();
    assert_eq!(generated.warnings, []);
    let [(name, text)] = generated.files.as_slice() else {
        panic!("one module")
    };
    assert_eq!(name, "model.rs");
    for part in [
        "use dataverse_model::{choice, dataverse_entity};",
        "    /// Colors: Color Choice\n",
        "    #[choice(name = \"sample_colors\", global)]\n    pub enum SampleColors {\n        Red = 727_000_000,\n        Yellow = 727_000_001,\n        Green = 727_000_002,\n    }",
        "/// A table to store information about customer bank accounts\n#[dataverse_entity(\n    logical_name = \"sample_bankaccount\",\n    entity_set = \"sample_bankaccounts\",\n    primary_id = \"sample_bankaccountid\",\n    primary_name = \"sample_name\"\n)]",
        "pub struct SampleBankAccount {",
        // the Boolean's labels and default, as the attribute's option set and `DefaultValue` give them
        "    /// Boolean Attribute\n    ///\n    /// `sample_Boolean`: Boolean.\n    #[dataverse(true_label = \"True\", false_label = \"False\", default = false)]\n    pub sample_boolean: Option<bool>,",
        "    /// `sample_Colors`: Picklist.\n    pub sample_colors: Option<SampleColors>,",
    ] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
    // deterministic
    let again = generate(&fixture("samples"), &Options::default()).unwrap();
    assert_eq!(again.files, generated.files);
}

#[test]
fn unmodelled_columns_are_skipped_with_one_warning_each() {
    let generated = generate(&fixture("unmodelled"), &Options::default()).unwrap();
    let warnings: Vec<String> = generated.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "`sample_widget.sample_empty`: skipped: option set `sample_widget_sample_empty` has no option",
            "`sample_widget.sample_huge`: option 3000000000 skipped: its value is outside `i32`",
            "`sample_widget.sample_manual`: skipped: `FileType` columns are not modelled",
            "`sample_widget.sample_photo`: skipped: `ImageType` columns are not modelled",
            "`sample_widget.sample_photo_url`: skipped: companion of `sample_photo`",
            "`sample_widget.sample_size`: skipped: no option set; save the attribute cast file with `$expand=OptionSet,GlobalOptionSet` (see the README)",
            "`sample_widget.sample_virtualthing`: skipped: `Virtual` (`VirtualType`) columns are not modelled",
        ]
    );
    let text = &generated.files[0].1;
    assert!(
        text.contains(
            "    #[dataverse(required, max_length = 100)]\n    pub sample_name: Option<String>,"
        ),
        "{text}"
    );
    assert!(
        text.contains("        read_only,\n        min = -922337203685477.0,\n        max = 922337203685477.0,\n        precision = 4\n    )]\n    pub sample_price_base: Option<Money>,"),
        "{text}"
    );
    assert!(!text.contains("sample_photo"), "{text}");
}

#[test]
fn include_exclude_and_per_table_layout() {
    let options = Options {
        include: vec!["sample_*".to_owned()],
        exclude: vec!["*_base".to_owned(), "sample_p*".to_owned()],
        layout: Layout::FilePerTable,
        ..Options::default()
    };
    let generated = generate(&fixture("unmodelled"), &options).unwrap();
    let names: Vec<&str> = generated.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["mod.rs", "sample_widget.rs"]);
    let text = &generated.files[1].1;
    assert!(text.contains("pub sample_name: Option<String>"), "{text}");
    assert!(!text.contains("sample_price_base"), "{text}");
}

#[test]
fn check_lists_the_files_regenerating_would_change() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("check-out");
    let _ = std::fs::remove_dir_all(&out);
    let run = |check: bool| {
        let mut c = command();
        c.args(["generate"])
            .arg(fixture("samples"))
            .arg("--out")
            .arg(&out);
        if check {
            c.arg("--check");
        }
        c.output().unwrap()
    };
    let missing = run(true);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("model.rs"));
    assert!(run(false).status.success());
    assert!(run(true).status.success(), "nothing changes after a write");
    std::fs::write(out.join("model.rs"), "// edited by hand\n").unwrap();
    let edited = run(true);
    assert_eq!(edited.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&edited.stderr);
    assert!(
        stderr.contains("regenerating would change:") && stderr.contains("model.rs"),
        "{stderr}"
    );
}

#[test]
fn the_command_reports_drift_and_bad_input() {
    let declared = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-declared");
    let live = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-live");
    let table = <SalesSession as Entity>::METADATA;
    render::write_folder(&declared, &[table]).unwrap();
    render::write_folder(&live, &[table]).unwrap();
    let same = command()
        .arg("drift")
        .arg(&declared)
        .arg(&live)
        .output()
        .unwrap();
    assert!(same.status.success());
    let mut entity = render::entity_definition(table);
    entity["EntitySetName"] = "sessions".into();
    std::fs::write(
        live.join("msdyn_ocsession/entity.json"),
        render::pretty(&entity),
    )
    .unwrap();
    let changed = command()
        .arg("drift")
        .arg(&declared)
        .arg(&live)
        .output()
        .unwrap();
    assert_eq!(changed.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&changed.stdout),
        "`msdyn_ocsession`: EntitySet: declared \"msdyn_ocsessions\", environment \"sessions\"\n\
         `msdyn_ocsession` column `msdyn_primarysession`: EntitySet target `msdyn_ocsession`: declared \"msdyn_ocsessions\", environment \"sessions\"\n"
    );
    let bad = command()
        .args(["generate"])
        .arg(fixture("malformed"))
        .args(["--out", "unused"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("picklists.json at `OptionSet.Options`"),
        "{stderr}"
    );
    let missing = command()
        .args(["generate", "no-such-folder", "--out", "unused"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .contains("no-such-folder: cannot read the metadata folder")
    );
}
