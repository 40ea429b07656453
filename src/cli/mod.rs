//! The command line: `unres check`, `unres format`, `unres compare`, `unres export`,
//! `unres import`, `unres lsp`, `unres config`, `unres explain`, `unres rules`,
//! and `unres completions` / `unres man` generated from it.

/// `println!` that ends the program quietly when stdout is closed early
/// (`unres explain NUM001 | head`) instead of panicking.
macro_rules! say {
    () => {
        say!("")
    };
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(error) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if error.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("unres: cannot write to standard output: {error}");
            std::process::exit(2);
        }
    }};
}

mod check;
mod clean;
mod compare;
mod export;
mod format;
mod import;
mod project;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::analysis::settings::{Layer, parse_level};
use crate::analysis::symbol::Organ;
use crate::analysis::{RepeatIndicators, all_rules, rule_meta};
use crate::syntax::DocumentKind;

/// `0.1.0 (a1b2c3d4e 2026-12-01)`: the package version and, in a build from a
/// git checkout, the commit and its date (see `build.rs`).
pub const VERSION: &str = env!("UNRES_VERSION");

#[derive(Debug, Parser)]
#[command(
    name = "unres",
    version = VERSION,
    about = "Language server and linter for United Nations resolutions"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check resolution files and print every problem found.
    Check {
        /// Files, directories or glob patterns (`drafts/**/*.unres`) to check;
        /// `-` reads standard input. A directory stands for the `*.unres` files
        /// under it and the `*.txt` files that read as resolutions (or the files
        /// the project file's `include` names).
        #[arg(required = true, value_name = "PATH")]
        files: Vec<String>,
        /// Leave out files found in directories or through patterns whose
        /// path or name matches this glob (`--exclude 'archive/**'`). Repeatable.
        #[arg(long = "exclude", value_name = "GLOB")]
        excludes: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// Print the effective configuration for a file or directory (default: the
    /// working directory) and where each value comes from: the command line,
    /// the project file `.unres.toml`, or the default.
    Config {
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// Lay files out as the text export does (tabs after numbers and labels,
    /// single spaces, no trailing whitespace). Only whitespace changes.
    Format {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Do not write; exit 1 if a file would change.
        #[arg(long)]
        check: bool,
    },
    /// Turn an agreed rolling text into the final text: labels, attributions,
    /// notes and ad ref markers removed, bis/ter paragraphs numbered in
    /// sequence, cross-references and footnotes renumbered. Refuses (exit 1)
    /// while square brackets or alternatives remain.
    Clean {
        file: PathBuf,
        /// Write the clean text to this file instead of standard output.
        #[arg(short, long, value_name = "OUT", conflicts_with = "in_place")]
        output: Option<PathBuf>,
        /// Write the clean text back to the file.
        #[arg(long)]
        in_place: bool,
    },
    /// Write a file's structure: AKN4UN XML (as the UN publishes resolutions) or
    /// an outline of the role of each line.
    Export {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = export::ExportFormat::Akn)]
        format: export::ExportFormat,
    },
    /// Lay out an official AKN4UN XML file as the plain text of the resolution.
    Import {
        file: PathBuf,
        /// Write the text to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Compare two versions of a resolution paragraph by paragraph (aligned by
    /// content, not by number). Exits 1 when they differ, like `diff`.
    Compare {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value_t = compare::CompareFormat::Text)]
        format: compare::CompareFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Serve the Language Server Protocol over stdio.
    Lsp,
    /// Print the documentation of a rule.
    Explain {
        /// A rule code such as NUM001.
        code: String,
    },
    /// List every rule with its default severity.
    Rules,
    /// Print a shell completion script (`unres completions bash >
    /// ~/.local/share/bash-completion/completions/unres`).
    Completions { shell: Shell },
    /// Print the manual page in roff (`unres man > unres.1; man ./unres.1`).
    Man,
}

/// The settings the command line can give; they take precedence over the
/// project file (see docs/CONFIGURATION.md).
#[derive(Debug, clap::Args)]
struct SettingsArgs {
    /// Change a rule's severity, or turn it off: `--rule FTN009=warning`,
    /// `--rule PUN010=off`. Repeatable.
    #[arg(long = "rule", value_name = "CODE=LEVEL")]
    rules: Vec<String>,
    /// May a footnote number be repeated for the same source (FTN007)?
    #[arg(long, value_enum, ignore_case = true)]
    repeat_indicators: Option<RepeatMode>,
    /// An extra catalog file (TSV: symbol, date, title …) that extends the
    /// embedded record. Repeatable; replaces the project file's `catalogs`.
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
    /// Whose conventions apply; `auto` reads the organ from the text.
    #[arg(long, value_enum, ignore_case = true)]
    organ: Option<OrganChoice>,
    /// What the document is, when its header does not say (or says otherwise):
    /// `negotiation` for a rolling text (bis paragraphs, brackets, PP/OP labels
    /// allowed; see docs/NEGOTIATION.md); `auto` reads it from the text.
    #[arg(long, visible_alias = "mode", value_enum, ignore_case = true)]
    kind: Option<KindChoice>,
    /// Read this project file instead of the nearest `.unres.toml` above each file.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Read no project file.
    #[arg(long)]
    isolated: bool,
}

impl SettingsArgs {
    /// The command line's own layer of settings.
    fn layer(&self) -> Result<Layer, String> {
        let mut layer = Layer {
            repeat_indicators: self.repeat_indicators.map(|mode| match mode {
                RepeatMode::Legacy => RepeatIndicators::Legacy,
                RepeatMode::Current => RepeatIndicators::Current,
            }),
            organ: self.organ.map(|organ| match organ {
                OrganChoice::Auto => None,
                OrganChoice::Ga => Some(Organ::GeneralAssembly),
                OrganChoice::Sc => Some(Organ::SecurityCouncil),
                OrganChoice::Ecosoc => Some(Organ::EconomicAndSocialCouncil),
                OrganChoice::Hrc => Some(Organ::HumanRightsCouncil),
            }),
            kind: self.kind.map(|kind| match kind {
                KindChoice::Auto => None,
                KindChoice::Adopted => Some(DocumentKind::Adopted),
                KindChoice::Draft => Some(DocumentKind::Draft),
                KindChoice::Negotiation => Some(DocumentKind::Negotiation),
                KindChoice::Body => Some(DocumentKind::Body),
            }),
            ..Layer::default()
        };
        if !self.catalogs.is_empty() {
            layer.catalogs = Some(
                self.catalogs
                    .iter()
                    .map(|p| project::absolute(p).display().to_string())
                    .collect(),
            );
        }
        for rule in &self.rules {
            set_rule_level(&mut layer, rule)?;
        }
        Ok(layer)
    }

    fn discovery(&self) -> project::Discovery {
        match (&self.config, self.isolated) {
            (Some(file), _) => project::Discovery::Fixed(project::absolute(file)),
            (None, true) => project::Discovery::Isolated,
            (None, false) => project::Discovery::Nearest,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OrganChoice {
    Auto,
    Ga,
    Sc,
    Ecosoc,
    Hrc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum KindChoice {
    Auto,
    Adopted,
    /// An L-document or other draft (also `l-document`).
    #[value(alias = "l-document")]
    Draft,
    /// A rolling text under negotiation.
    Negotiation,
    /// A bare body without a header.
    Body,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RepeatMode {
    Legacy,
    Current,
}

/// Run the command line; the binary's `main` calls this.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            files,
            excludes,
            format,
            settings,
        } => {
            let command_line = match settings.layer() {
                Ok(layer) => layer,
                Err(message) => {
                    eprintln!("unres: {message}");
                    return ExitCode::from(2);
                }
            };
            let mut projects = project::Projects::new(settings.discovery());
            let inputs =
                match check::collect_inputs(&files, &excludes, &mut projects, &command_line) {
                    Ok(inputs) => inputs,
                    Err(message) => {
                        eprintln!("unres: {message}");
                        return ExitCode::from(2);
                    }
                };
            check::run(&inputs, format, &mut projects, &command_line)
        }
        Command::Config { path, settings } => {
            let command_line = match settings.layer() {
                Ok(layer) => layer,
                Err(message) => {
                    eprintln!("unres: {message}");
                    return ExitCode::from(2);
                }
            };
            let mut projects = project::Projects::new(settings.discovery());
            let path = path.unwrap_or_else(|| PathBuf::from("."));
            let found = if path.is_dir() {
                projects.for_dir(&path)
            } else {
                projects.for_file(&path)
            };
            let resolved = project::resolve(found.as_deref(), &command_line);
            match &found {
                Some(found) => say!("# project file: {}", found.path.display()),
                None => say!(
                    "# no project file ({}) above {}",
                    crate::analysis::settings::PROJECT_FILE,
                    project::absolute(&path).display()
                ),
            }
            let width = resolved
                .origins
                .iter()
                .map(|(key, value, _)| key.len() + value.len() + 3)
                .max()
                .unwrap_or(0);
            for (key, value, source) in &resolved.origins {
                say!("{:<width$}  # {source}", format!("{key} = {value}"));
            }
            if projects.had_problems {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Format { files, check } => format::run(&files, check),
        Command::Clean {
            file,
            output,
            in_place,
        } => clean::run(&file, output.as_ref(), in_place),
        Command::Export { file, format } => export::run(&file, format),
        Command::Import { file, output } => import::run(&file, output.as_deref()),
        Command::Compare {
            old,
            new,
            format,
            output,
        } => compare::run(&old, &new, format, output.as_ref()),
        Command::Lsp => crate::server::run_stdio(),
        Command::Explain { code } => match rule_meta(&code) {
            Some(meta) => {
                say!(
                    "{} ({}, default severity {})\n\n{}",
                    meta.code,
                    meta.name,
                    meta.default_severity.as_str(),
                    meta.doc.trim_end()
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("unres: no rule {code}; `unres rules` lists them");
                ExitCode::from(2)
            }
        },
        Command::Rules => {
            for meta in all_rules() {
                let summary = meta.summary();
                say!(
                    "{}\t{}\t{}",
                    meta.code,
                    meta.default_severity.as_str(),
                    summary
                );
            }
            ExitCode::SUCCESS
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "unres", &mut script);
            say!("{}", String::from_utf8_lossy(&script).trim_end());
            ExitCode::SUCCESS
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => {
                    say!("{}", String::from_utf8_lossy(&page).trim_end());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("unres: cannot render the manual page: {error}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn set_rule_level(layer: &mut Layer, setting: &str) -> Result<(), String> {
    let (code, level) = setting
        .split_once('=')
        .ok_or_else(|| format!("`--rule {setting}`: expected CODE=LEVEL"))?;
    let meta = rule_meta(code).ok_or_else(|| format!("`--rule {setting}`: no rule {code}"))?;
    let level = parse_level(level).ok_or_else(|| {
        format!("`--rule {setting}`: level must be error, warning, information, hint or off")
    })?;
    layer.rules.insert(meta.code, level);
    Ok(())
}
