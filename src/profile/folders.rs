//! The curators' folder on disk: which folders are people, and where a
//! person's files are. Plain filesystem code, shared by the kiosk, `kiosk
//! check` and `kiosk bench`.

use std::path::Path;

/// The people folders under the profiles root: those holding a `profile.ron`
/// (none when the folder cannot be read).
pub fn profile_slugs(root: &Path) -> Vec<String> {
    read_profile_slugs(root).unwrap_or_default()
}

/// The people folders, or why the root cannot be read.
pub fn read_profile_slugs(root: &Path) -> std::io::Result<Vec<String>> {
    let dir = std::fs::read_dir(root)?;
    let mut slugs: Vec<String> = dir
        .filter_map(Result::ok)
        .filter(|e| e.path().join("profile.ron").is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    slugs.sort();
    Ok(slugs)
}

/// Where a profile's files are: the profiles root on disk, how to show paths
/// to the curator, and the person's folder (slug).
#[derive(Debug, Clone)]
pub struct ProfileDir<'a> {
    pub root: &'a Path,
    pub slug: &'a str,
}

impl ProfileDir<'_> {
    pub fn display(&self, file: &str) -> String {
        self.root.join(self.slug).join(file).display().to_string()
    }
}
