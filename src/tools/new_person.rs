//! `kiosk new SLUG --name 李明`: a new person's folder, made from a template
//! with Chinese comments, for a curator to fill in. The check passes on it as
//! it is (its texts say 请填写 until they are written).

use std::path::{Path, PathBuf};

/// The template, with `{name}` for the Chinese name.
const TEMPLATE: &str = r#"// 人物资料。每一行“//”后面是说明，看板不显示。
// 文字两边用英文双引号 "…"，文字里面的引号用中文引号“”。
// 改好保存后，可运行 kiosk check 检查。
(
    sample: false,                      // 真实人物写 false
    name: (zh: "{name}", en: ""),       // en：英文或拼音名，如 "Li Ming"；可留空
    gender: 男,                         // 男 或 女
    born: 1950,                         // 出生年份，四位数字
    // died: 2010,                      // 已故者写去世年份（删去开头的 //）；在世者不写这一行
    sector: 工业制造,                   // 工业制造、建筑建设、商业服务、交通运输、医疗卫生、教育、
                                        // 金融、公共服务、科学技术、文化艺术、能源电力、邮电通信
    work_unit: (zh: "（请填写工作单位）", en: ""),
    position: (zh: "（请填写职务）", en: ""),
    honors: [                           // 每项荣誉一行；最早的荣誉决定他/她在哪个年代
        (year: 1960, title: (zh: "（请填写荣誉称号）", en: ""), level: 北京市),  // level：全国、北京市 或 区级
    ],
    summary: (zh: "（请填写：用一两句话概括事迹）", en: ""),
    story: (zh: "（请填写事迹）", en: ""),
    // quote: (zh: "本人的一句话", en: ""),   // 可选
    portrait: "portrait.png",           // 肖像照片，放在本文件夹里
    // portrait_focus: (x: 0.5, y: 0.3), // 可选：人脸在肖像里的位置，x 从左、y 从上，0 到 1（删去开头的 //）
    media: [
        // (file: "1958-工作照.jpg", kind: 照片, caption: (zh: "说明", en: ""), year: 1958),
    ],                                  // kind：照片 或 资料
)
"#;

/// A placeholder portrait: 4:5, the page's warm grey, until the real one.
const PORTRAIT: (u32, u32) = (400, 500);

/// A folder name a person's folder may have (the roster's import keeps the
/// same rule): small letters, digits and `-`.
pub fn check_slug(slug: &str) -> Result<(), String> {
    let slug_ok = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if slug_ok {
        Ok(())
    } else {
        Err(format!(
            "文件夹名 “{slug}” 只能用小写字母、数字和 -，如 li-ming · the folder name may hold only small letters, digits and -, e.g. li-ming"
        ))
    }
}

/// Makes `root/slug` for a person called `name`; returns the folder.
pub fn run(root: &Path, slug: &str, name: &str) -> Result<PathBuf, String> {
    check_slug(slug)?;
    let folder = root.join(slug);
    if folder.exists() {
        return Err(format!(
            "{} 已经存在 · {} already exists",
            folder.display(),
            folder.display()
        ));
    }
    let name = name.trim().replace('"', "”");
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let profile = TEMPLATE.replace("{name}", &name);
    std::fs::write(folder.join("profile.ron"), profile)
        .map_err(|e| format!("{}: {e}", folder.display()))?;
    image::RgbImage::from_pixel(PORTRAIT.0, PORTRAIT.1, image::Rgb([0xD8, 0xCF, 0xC0]))
        .save(folder.join("portrait.png"))
        .map_err(|e| format!("{}: {e}", folder.display()))?;
    Ok(folder)
}
