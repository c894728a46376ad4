//! The curators' folder on disk: which folders are people, and where a
//! person's files are. Plain filesystem code, shared by the kiosk, `kiosk
//! check` and `kiosk bench`.

use super::problem::{Position, Problem, msg};
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

/// Picture files a curator may leave in a person's folder.
const PICTURES: [&str; 8] = ["jpg", "jpeg", "png", "heic", "webp", "tif", "tiff", "bmp"];

/// Every folder under `root` that looks meant to be a person but shows no
/// one, and folders whose names differ only in capitals: nothing a curator
/// made goes missing without a word.
pub fn folder_problems(root: &Path) -> Vec<Problem> {
    let Ok(dir) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut folders: Vec<String> = dir
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    folders.sort();
    let mut out: Vec<Problem> = folders
        .iter()
        .filter_map(|slug| folder_problem(root, slug))
        .collect();
    for slug in folders.iter().filter(|s| !slug_is_plain(s)) {
        out.push(Problem::warning(
            format!("{}/", root.join(slug).display()),
            Position::START,
            msg(
                format!("文件夹名 {slug} 里有中文、大写字母或空格"),
                format!("the folder name {slug} has Chinese, capitals or spaces"),
                Some((
                    "请改名为小写拼音加 -，例如 wang-jianguo：在 Windows 共享和 U 盘上这样最稳妥",
                    "rename it in small letters and -, e.g. wang-jianguo: the safest on Windows shares and USB sticks",
                )),
            ),
        ));
    }
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for slug in &folders {
        if let Some(first) = seen.insert(slug.to_lowercase(), slug) {
            out.push(Problem::warning(
                root.join(slug).display().to_string(),
                Position::START,
                msg(
                    format!("文件夹 {slug} 与 {first} 只差大小写"),
                    format!("the folders {slug} and {first} differ only in capitals"),
                    Some((
                        "在 Windows 共享或 U 盘上它们会合成一个；请改名",
                        "on a Windows share or a USB stick they become one: rename one",
                    )),
                ),
            ));
        }
    }
    out
}

/// Why the folder `slug` shows no one, when it holds something meant to be
/// a person: a profile saved under another name or one folder too deep, or
/// pictures without a profile; or a second copy beside its profile. None for
/// a person's folder or an empty one.
pub fn folder_problem(root: &Path, slug: &str) -> Option<Problem> {
    let folder = root.join(slug);
    let entries: Vec<(String, bool)> = std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.file_name().to_str()?.to_owned(), e.path().is_dir())))
        .collect();
    let files: Vec<&str> = entries
        .iter()
        .filter(|(_, dir)| !dir)
        .map(|(n, _)| n.as_str())
        .collect();
    let path = format!("{}/", folder.display());
    if folder.join("profile.ron").is_file() {
        return copy_beside(&path, &files);
    }
    profile_elsewhere(&path, slug, &folder, &entries, &files).or_else(|| no_profile(&path, &files))
}

/// The profile under a name a text editor gave it (`profile.ron.txt`,
/// `Profile.RON`, `profile.txt`), when there is no `profile.ron`: the
/// person's profile still, saved under the wrong name.
pub fn misnamed_profile(root: &Path, slug: &str) -> Option<String> {
    let folder = root.join(slug);
    if folder.join("profile.ron").is_file() {
        return None;
    }
    std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .find(|n| n.eq_ignore_ascii_case("profile.ron") || is_text_copy(n))
}

/// What the curator is told when a shown person's `profile.ron` was saved
/// again as `name`: visitors keep the version they saw until it is renamed.
pub fn misnamed_while_shown(root: &Path, slug: &str, name: &str) -> Problem {
    Problem::error(
        format!("{}/", root.join(slug).display()),
        Position::START,
        msg(
            format!("资料被保存成了 {name}，看板读的是 profile.ron；观众仍看到改名前的版本"),
            format!(
                "the profile was saved as {name}, but the kiosk reads profile.ron: visitors still see the version from before"
            ),
            Some(RENAME_HINT),
        ),
    )
}

/// How to give a profile its name back, where Windows hides the `.txt`.
const RENAME_HINT: (&str, &str) = (
    "改名为 profile.ron（Windows 会藏起 .txt：先在文件夹的“查看”里勾选“文件扩展名”）；用记事本保存时“保存类型”选“所有文件”",
    "rename it profile.ron (Windows hides the .txt: first tick “File name extensions” under the folder's View menu); in Notepad's Save As choose “All files”",
);

/// Notepad's Save As often leaves a second copy beside the profile, and
/// Windows hides the .txt: the curator edits the wrong one.
fn copy_beside(path: &str, files: &[&str]) -> Option<Problem> {
    let copy = files.iter().find(|n| is_text_copy(n))?;
    Some(Problem::warning(
        path,
        Position::START,
        msg(
            format!("旁边还有一个 {copy}，看板读的是 profile.ron"),
            format!("there is also {copy} here; the kiosk reads profile.ron"),
            Some((
                "确认您改的是 profile.ron，然后删去另一个",
                "make sure you edit profile.ron, then delete the other",
            )),
        ),
    ))
}

/// The profile is there under another name (`Profile.RON`,
/// `profile.ron.txt`) or one folder too deep.
fn profile_elsewhere(
    path: &str,
    slug: &str,
    folder: &Path,
    entries: &[(String, bool)],
    files: &[&str],
) -> Option<Problem> {
    let problem = |zh: String, en: String, hint: (&str, &str)| {
        Some(Problem::error(
            path,
            Position::START,
            msg(zh, en, Some(hint)),
        ))
    };
    if let Some(name) = files.iter().find(|n| n.eq_ignore_ascii_case("profile.ron")) {
        return problem(
            format!("资料文件名是 {name}，这个人没有显示"),
            format!("the profile is named {name}, so this person is not shown"),
            (
                "文件名要全部小写：profile.ron",
                "name it profile.ron, all in small letters",
            ),
        );
    }
    if let Some(name) = files.iter().find(|n| is_text_copy(n)) {
        return problem(
            format!("资料文件名是 {name}（记事本加上了 .txt），这个人没有显示"),
            format!(
                "the profile is named {name} (Notepad added .txt), so this person is not shown"
            ),
            RENAME_HINT,
        );
    }
    if let Some((sub, _)) = entries
        .iter()
        .find(|(n, dir)| *dir && folder.join(n).join("profile.ron").is_file())
    {
        return problem(
            format!("profile.ron 在下一层的文件夹 {slug}/{sub} 里，这个人没有显示"),
            format!(
                "profile.ron is one folder too deep, in {slug}/{sub}, so this person is not shown"
            ),
            (
                &format!("把 {slug}/{sub} 里的文件移到上一层的 {slug} 里"),
                &format!("move the files in {slug}/{sub} up one level, into {slug}"),
            ),
        );
    }
    None
}

/// No profile at all: another text file that may be it, or pictures alone.
fn no_profile(path: &str, files: &[&str]) -> Option<Problem> {
    let problem = |zh: String, en: String, hint: (&str, &str)| {
        Some(Problem::error(
            path,
            Position::START,
            msg(zh, en, Some(hint)),
        ))
    };
    if let Some(name) = files.iter().find(|n| {
        let n = n.to_lowercase();
        n.ends_with(".ron") || n.ends_with(".txt")
    }) {
        return problem(
            format!("文件夹里没有 profile.ron，只有 {name}，这个人没有显示"),
            format!("the folder has no profile.ron, only {name}, so this person is not shown"),
            (
                &format!("如果 {name} 就是这个人的资料，请改名为 profile.ron"),
                &format!("if {name} is this person's profile, rename it profile.ron"),
            ),
        );
    }
    let picture = |n: &&str| {
        Path::new(n)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| PICTURES.contains(&e.to_lowercase().as_str()))
    };
    if files.iter().any(picture) {
        return problem(
            "文件夹里有图片，但没有 profile.ron，这个人没有显示".to_owned(),
            "the folder has pictures but no profile.ron, so no one is shown".to_owned(),
            (
                "用 kiosk new 建立资料，或复制一个示例人物的 profile.ron 进来再修改",
                "make the profile with kiosk new, or copy a sample person's profile.ron in and edit it",
            ),
        );
    }
    None
}

/// A copy of a profile saved with a text editor's extension:
/// `profile.ron.txt`, `profile.txt`.
fn is_text_copy(name: &str) -> bool {
    let n = name.to_lowercase();
    n.starts_with("profile") && (n.ends_with(".txt") || n.starts_with("profile.ron."))
}

/// A folder name as the kiosk wants them: small letters, digits and `-`.
fn slug_is_plain(slug: &str) -> bool {
    slug.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}
