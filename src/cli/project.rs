//! Project files (`.unres.toml`) for the command line: found by walking up from
//! each checked file, read once, their problems printed once with file and line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::settings::{self, Layer, PROJECT_FILE, Placed, Resolved, Source};

/// A project file as read.
#[derive(Debug)]
pub struct Project {
    pub path: PathBuf,
    pub layer: Layer,
}

/// How the command line chooses the project file.
#[derive(Debug, Clone)]
pub enum Discovery {
    /// The nearest `.unres.toml` above each file.
    Nearest,
    /// This file for every input (`--config FILE`).
    Fixed(PathBuf),
    /// None (`--isolated`).
    Isolated,
}

/// Found and read project files, by directory.
pub struct Projects {
    discovery: Discovery,
    by_dir: HashMap<PathBuf, Option<Arc<Project>>>,
    by_file: HashMap<PathBuf, Option<Arc<Project>>>,
    /// Problems were found (and printed) in some project file.
    pub had_problems: bool,
}

/// `path` made absolute against the working directory, without touching the
/// file system for symbolic links.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Projects {
    pub fn new(discovery: Discovery) -> Self {
        Projects {
            discovery,
            by_dir: HashMap::new(),
            by_file: HashMap::new(),
            had_problems: false,
        }
    }

    /// The project file that governs a file in `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> Option<Arc<Project>> {
        let file = match &self.discovery {
            Discovery::Isolated => return None,
            Discovery::Fixed(file) => Some(file.clone()),
            Discovery::Nearest => {
                let dir = absolute(dir);
                if let Some(found) = self.by_dir.get(&dir) {
                    return found.clone();
                }
                let file = dir
                    .ancestors()
                    .map(|d| d.join(PROJECT_FILE))
                    .find(|candidate| candidate.is_file());
                let project = file.and_then(|file| self.load(&file));
                self.by_dir.insert(dir, project.clone());
                return project;
            }
        };
        file.and_then(|file| self.load(&file))
    }

    /// The project file that governs `path` (a file to check).
    pub fn for_file(&mut self, path: &Path) -> Option<Arc<Project>> {
        let dir = absolute(path)
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        self.for_dir(&dir)
    }

    fn load(&mut self, file: &Path) -> Option<Arc<Project>> {
        if let Some(loaded) = self.by_file.get(file) {
            return loaded.clone();
        }
        let project = match std::fs::read_to_string(file) {
            Ok(text) => {
                let (layer, problems) = settings::from_toml(&text);
                for problem in &problems {
                    self.had_problems = true;
                    let (line, column) = match &problem.at {
                        Some(at) => {
                            let (line, range) = settings::line_span(&text, at);
                            let line_text = crate::text::split_lines(&text)[line];
                            (line + 1, line_text[..range.start].chars().count() + 1)
                        }
                        None => (1, 1),
                    };
                    eprintln!(
                        "{}:{line}:{column}: error: {}",
                        file.display(),
                        problem.message
                    );
                }
                Some(Arc::new(Project {
                    path: file.to_path_buf(),
                    layer,
                }))
            }
            Err(error) => {
                self.had_problems = true;
                eprintln!("unres: {}: cannot read: {error}", file.display());
                None
            }
        };
        self.by_file.insert(file.to_path_buf(), project.clone());
        project
    }
}

/// The effective settings for a file governed by `project`, with the command
/// line's own layer on top.
pub fn resolve(project: Option<&Project>, command_line: &Layer) -> Resolved {
    let mut layers = Vec::new();
    if let Some(project) = project {
        layers.push(Placed {
            source: Source::ProjectFile(project.path.clone()),
            base: project.path.parent().map(Path::to_path_buf),
            layer: project.layer.clone(),
        });
    }
    layers.push(Placed {
        source: Source::CommandLine,
        base: None,
        layer: command_line.clone(),
    });
    settings::resolve(&layers)
}

/// Does `path` match one of `globs` (see [`settings::matches`])? Relative
/// paths are taken from the working directory.
pub fn matches(globs: &[(Option<PathBuf>, String)], path: &Path) -> bool {
    settings::matches(globs, &absolute(path), &absolute(Path::new(".")))
}
