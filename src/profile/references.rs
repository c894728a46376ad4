//! The files a profile names (its portrait, its media): where each one is
//! under `profiles/`, refusing any path that leads out of it, and what the
//! curator is told when one cannot be used.

use super::folders::ProfileDir;
use super::format::Profile;
use super::locate::Locator;
use super::problem::{Position, Problem, msg};
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

/// Why a referenced path cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    Empty,
    Absolute,
    LeavesProfiles,
}

/// Every file a profile names, with where it is named: the portrait, then
/// each media item's file in order.
pub fn referenced_files<'p>(loc: &Locator, p: &'p Profile) -> Vec<(Position, &'p str)> {
    std::iter::once((loc.field("portrait"), p.portrait.as_str()))
        .chain(
            p.media
                .iter()
                .enumerate()
                .map(|(i, m)| (loc.item("media", i, "file"), m.file.as_str())),
        )
        .collect()
}

/// Resolves a path written in a profile (relative to the person's folder,
/// `/` or `\` separators) to a path under `root`, refusing any that leaves it.
pub fn resolve_reference(root: &Path, slug: &str, rel: &str) -> Result<PathBuf, PathError> {
    let rel = rel.trim().replace('\\', "/");
    if rel.is_empty() {
        return Err(PathError::Empty);
    }
    if rel.starts_with('/') || has_drive_letter(&rel) {
        return Err(PathError::Absolute);
    }
    let mut parts: Vec<&OsStr> = vec![OsStr::new(slug)];
    for c in Path::new(&rel).components() {
        match c {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(PathError::LeavesProfiles);
                }
            }
            Component::RootDir | Component::Prefix(_) => return Err(PathError::Absolute),
        }
    }
    if parts.is_empty() {
        return Err(PathError::LeavesProfiles);
    }
    Ok(parts.iter().fold(root.to_path_buf(), |p, c| p.join(c)))
}

/// A Windows path such as `C:/x.jpg`, absolute even where the kiosk runs on
/// Linux and `Path` would take it for a folder named `C:`.
fn has_drive_letter(rel: &str) -> bool {
    let bytes = rel.as_bytes();
    bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic()
}

/// What is wrong with one referenced file, if anything: an error if the path
/// cannot be used, a warning if the file is not there.
pub(super) fn check_reference(
    dir: &ProfileDir,
    path: &str,
    at: Position,
    rel: &str,
) -> Option<Problem> {
    let problem = |zh: String, en: String, hint: (&str, &str)| {
        Some(Problem::error(path, at, msg(zh, en, Some(hint))))
    };
    let leaves_profiles = |hint| {
        problem(
            format!("路径 “{rel}” 指向 profiles 文件夹之外"),
            format!("the path “{rel}” leaves the profiles folder"),
            hint,
        )
    };
    match resolve_reference(dir.root, dir.slug, rel) {
        Err(PathError::Empty) => problem(
            "文件名为空".into(),
            "the file name is empty".into(),
            (
                "写上此人文件夹中的图片文件名",
                "name an image in the person's folder",
            ),
        ),
        Err(PathError::Absolute | PathError::LeavesProfiles) => leaves_profiles((
            "把图片放进此人的文件夹，只写文件名",
            "put the image in the person's folder and write just its name",
        )),
        Ok(file) if !file.is_file() => Some(missing_file(path, at, rel)),
        // A symbolic link could still lead outside; compare real paths.
        Ok(file) => match (file.canonicalize(), dir.root.canonicalize()) {
            (Ok(real), Ok(root)) if !real.starts_with(&root) => {
                leaves_profiles(("不要使用快捷方式或链接", "do not use shortcuts or links"))
            }
            _ => None,
        },
    }
}

/// Only a warning: the person is still shown, with a placeholder in its place.
fn missing_file(path: &str, at: Position, rel: &str) -> Problem {
    Problem::warning(
        path,
        at,
        msg(
            format!("找不到文件 “{rel}”，看板上显示占位图"),
            format!("file “{rel}” not found; the kiosk shows a placeholder"),
            Some((
                "检查文件名的拼写与大小写，以及文件是否已复制进来",
                "check spelling and capitals, and that the file was copied in",
            )),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_stay_inside_profiles() {
        let root = Path::new("/p");
        assert_eq!(
            resolve_reference(root, "a", "x.jpg"),
            Ok(PathBuf::from("/p/a/x.jpg"))
        );
        assert_eq!(
            resolve_reference(root, "a", "../b/x.jpg"),
            Ok(PathBuf::from("/p/b/x.jpg"))
        );
        assert_eq!(
            resolve_reference(root, "a", "photos\\x.jpg"),
            Ok(PathBuf::from("/p/a/photos/x.jpg"))
        );
        assert_eq!(
            resolve_reference(root, "a", "../../etc/passwd"),
            Err(PathError::LeavesProfiles)
        );
        assert_eq!(
            resolve_reference(root, "a", "/etc/passwd"),
            Err(PathError::Absolute)
        );
        assert_eq!(
            resolve_reference(root, "a", "C:\\x.jpg"),
            Err(PathError::Absolute)
        );
        assert_eq!(resolve_reference(root, "a", " "), Err(PathError::Empty));
    }
}
