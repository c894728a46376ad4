//! Surnames read as surnames. A character with several readings is read, at
//! the head of a name, the way that family says it: 单 is Shàn, not dān;
//! 曾 is Zēng, not céng. Compound surnames (欧阳, 尉迟, 万俟…) are one
//! surname of two characters. Readings are plain pinyin without tones, ü
//! written `v` (as a pinyin keyboard types it).

/// Two-character surnames and their readings.
const COMPOUND: &[(&str, &[&str])] = &[
    ("欧阳", &["ou", "yang"]),
    ("司马", &["si", "ma"]),
    ("长孙", &["zhang", "sun"]),
    ("尉迟", &["yu", "chi"]),
    ("万俟", &["mo", "qi"]),
    ("诸葛", &["zhu", "ge"]),
    ("上官", &["shang", "guan"]),
    ("东方", &["dong", "fang"]),
    ("皇甫", &["huang", "fu"]),
    ("令狐", &["ling", "hu"]),
    ("慕容", &["mu", "rong"]),
    ("宇文", &["yu", "wen"]),
    ("公孙", &["gong", "sun"]),
    ("夏侯", &["xia", "hou"]),
    ("司徒", &["si", "tu"]),
    ("司空", &["si", "kong"]),
    ("端木", &["duan", "mu"]),
    ("澹台", &["tan", "tai"]),
    ("申屠", &["shen", "tu"]),
    ("轩辕", &["xuan", "yuan"]),
    ("闻人", &["wen", "ren"]),
    ("呼延", &["hu", "yan"]),
    ("南宫", &["nan", "gong"]),
    ("百里", &["bai", "li"]),
    ("东郭", &["dong", "guo"]),
    ("西门", &["xi", "men"]),
    ("独孤", &["du", "gu"]),
    ("单于", &["chan", "yu"]),
    ("赫连", &["he", "lian"]),
    ("钟离", &["zhong", "li"]),
    ("拓跋", &["tuo", "ba"]),
];

/// One-character surnames whose reading differs from the character's
/// everyday one, or that have several.
const SINGLE: &[(char, &str)] = &[
    ('单', "shan"),
    ('曾', "zeng"),
    ('仇', "qiu"),
    ('解', "xie"),
    ('区', "ou"),
    ('朴', "piao"),
    ('查', "zha"),
    ('盖', "ge"),
    ('乐', "yue"),
    ('召', "shao"),
    ('缪', "miao"),
    ('翟', "zhai"),
    ('覃', "qin"),
    ('尉', "yu"),
    ('长', "chang"),
    ('重', "chong"),
    ('种', "chong"),
    ('秘', "bi"),
    ('隗', "wei"),
    ('折', "she"),
    ('员', "yun"),
    ('繁', "po"),
    ('句', "gou"),
    ('能', "nai"),
    ('宿', "su"),
    ('郇', "huan"),
    ('柏', "bai"),
    ('薄', "bo"),
    ('藏', "zang"),
    ('曲', "qu"),
    ('沈', "shen"),
    ('都', "du"),
    ('和', "he"),
    ('华', "hua"),
    ('任', "ren"),
    ('费', "fei"),
    ('燕', "yan"),
    ('纪', "ji"),
    ('过', "guo"),
    ('相', "xiang"),
    ('车', "che"),
    ('贾', "jia"),
    ('那', "na"),
    ('洗', "xian"),
    ('冼', "xian"),
    ('阚', "kan"),
    ('眭', "sui"),
    ('粘', "nian"),
    ('弗', "fu"),
    ('逄', "pang"),
    ('訾', "zi"),
];

/// The surname at the head of `name` and its reading: how many characters
/// it takes (1 or 2) and their syllables. None when the head is not in the
/// table (its characters are then read every way they can be).
pub fn surname(name: &str) -> Option<(usize, &'static [&'static str])> {
    if let Some((_, reading)) = COMPOUND.iter().find(|(s, _)| name.starts_with(s)) {
        return Some((2, reading));
    }
    let first = name.chars().next()?;
    SINGLE
        .iter()
        .find(|(c, _)| *c == first)
        .map(|(_, reading)| (1, std::slice::from_ref(reading)))
}
