//! Cyrillic to Latin by each language's national standard, for slugs.
//!
//! Input: text in Ukrainian or Russian. Output: the same text with its Cyrillic letters
//! romanized, lowercase, ready for [`super::slugify`]:
//! - Ukrainian by the official system of the Cabinet of Ministers, resolution 55 of 2010
//!   (KMU 2010): Київ → kyiv, Україна → ukraina, Запоріжжя → zaporizhzhia; є, ї, й, ю, я
//!   write ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia elsewhere; "зг" is
//!   "zgh"; the soft sign and the apostrophe are dropped.
//! - Russian by ICAO Doc 9303 (the system of Russian passports since 2013): Россия →
//!   rossiia, Санкции → sanktsii; ё is e, й is i, ъ is ie, ь is dropped.
//!
//! Small tables of our own: the crates that implement them (`uklatn`, `translit`) pull a regex
//! engine or keep the capitals and punctuation; the tests check these tables against both.

/// A transliteration scheme for slugs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// The `slug` crate's (deunicode's) one for every script, as newsprint always did:
    /// Україна → ukrayina. Kept so existing sites keep their URLs.
    Legacy,
    /// Ukrainian, KMU 2010.
    Ukrainian,
    /// Russian, ICAO Doc 9303.
    Russian,
}

impl Scheme {
    /// The national scheme of a language, if newsprint knows one (else [`Scheme::Legacy`]).
    pub fn national(language: &str) -> Scheme {
        match language.split('-').next().unwrap_or_default() {
            "uk" => Scheme::Ukrainian,
            "ru" => Scheme::Russian,
            _ => Scheme::Legacy,
        }
    }
}

/// `text` with its Cyrillic romanized by `scheme`, lowercase; other characters stay.
pub fn romanize(text: &str, scheme: Scheme) -> String {
    if scheme == Scheme::Legacy {
        return text.to_string();
    }
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(text.len() * 2);
    for (at, &c) in lower.iter().enumerate() {
        let previous = at.checked_sub(1).map(|i| lower[i]);
        // Inside a word: after a letter, or after an apostrophe inside one (п'ять).
        let word_start = !previous.is_some_and(|p| p.is_alphanumeric() || is_apostrophe(p));
        let latin = match scheme {
            Scheme::Ukrainian => ukrainian(c, word_start, previous),
            _ => russian(c),
        };
        match latin {
            Some(latin) => out.push_str(latin),
            // An apostrophe between letters is part of the word (перемир'я): dropped.
            None if is_apostrophe(c)
                && previous.is_some_and(char::is_alphabetic)
                && lower.get(at + 1).is_some_and(|n| n.is_alphabetic()) => {}
            None => out.push(c),
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

/// KMU 2010 for one lowercase letter; `None` for a character that is not Ukrainian Cyrillic.
fn ukrainian(c: char, word_start: bool, previous: Option<char>) -> Option<&'static str> {
    let initial =
        |start: &'static str, inside: &'static str| Some(if word_start { start } else { inside });
    match c {
        'а' => Some("a"),
        'б' => Some("b"),
        'в' => Some("v"),
        // "зг" is "zgh", so it never reads as "zh" (Згорани → Zghorany).
        'г' if previous == Some('з') => Some("gh"),
        'г' => Some("h"),
        'ґ' => Some("g"),
        'д' => Some("d"),
        'е' => Some("e"),
        'є' => initial("ye", "ie"),
        'ж' => Some("zh"),
        'з' => Some("z"),
        'и' => Some("y"),
        'і' => Some("i"),
        'ї' => initial("yi", "i"),
        'й' => initial("y", "i"),
        'к' => Some("k"),
        'л' => Some("l"),
        'м' => Some("m"),
        'н' => Some("n"),
        'о' => Some("o"),
        'п' => Some("p"),
        'р' => Some("r"),
        'с' => Some("s"),
        'т' => Some("t"),
        'у' => Some("u"),
        'ф' => Some("f"),
        'х' => Some("kh"),
        'ц' => Some("ts"),
        'ч' => Some("ch"),
        'ш' => Some("sh"),
        'щ' => Some("shch"),
        'ь' => Some(""),
        'ю' => initial("yu", "iu"),
        'я' => initial("ya", "ia"),
        _ => None,
    }
}

/// ICAO Doc 9303 for one lowercase letter; `None` for a character that is not Russian
/// Cyrillic.
fn russian(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "ie",
        'ы' => "y",
        'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ukrainian_by_kmu_2010() {
        let uk = |text| romanize(text, Scheme::Ukrainian);
        for (cyrillic, latin) in [
            ("Україна", "ukraina"),
            ("Київ", "kyiv"),
            ("Запоріжжя", "zaporizhzhia"),
            ("Харків", "kharkiv"),
            ("Щастя", "shchastia"),
            ("Їжакевич", "yizhakevych"),
            ("Кадиївка", "kadyivka"),
            ("Єнакієве", "yenakiieve"),
            ("Йосипівка", "yosypivka"),
            ("Стрий", "stryi"),
            ("Юрій", "yurii"),
            ("Крюківка", "kriukivka"),
            ("Яготин", "yahotyn"),
            ("Костянтин", "kostiantyn"),
            ("Згурський", "zghurskyi"),
            ("Розгон", "rozghon"),
            ("Ґалаґан", "galagan"),
            ("Знам'янка", "znamianka"),
            ("перемир'я", "peremyria"),
            ("Львів", "lviv"),
        ] {
            assert_eq!(uk(cyrillic), latin, "{cyrillic}");
        }
        assert_eq!(uk("Київ 2025: talks"), "kyiv 2025: talks");
    }

    #[test]
    fn russian_by_icao_9303() {
        let ru = |text| romanize(text, Scheme::Russian);
        for (cyrillic, latin) in [
            ("Россия", "rossiia"),
            ("Санкции", "sanktsii"),
            ("Украина", "ukraina"),
            ("перемирие", "peremirie"),
            ("Щёлково", "shchelkovo"),
            ("Объём", "obieem"),
            ("Хабаровск", "khabarovsk"),
            ("Юрьев", "iurev"),
            ("Майский", "maiskii"),
            ("Эльбрус", "elbrus"),
            ("Крым", "krym"),
        ] {
            assert_eq!(ru(cyrillic), latin, "{cyrillic}");
        }
    }

    /// The tables against the crates that implement the standards, letter by letter and on
    /// words, lowercase (the crates keep capitals and punctuation we drop).
    #[test]
    fn tables_match_uklatn_and_translit() {
        use translit::ToLatin;
        let words = [
            "Україна Київ Запоріжжя Харків Щастя Їжакевич Кадиївка Єнакієве Йосипівка Стрий",
            "Юрій Крюківка Яготин Костянтин Згурський Розгон Ґалаґан Львів Одеса Чернігів",
            "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ",
        ];
        for text in words {
            let ours = romanize(text, Scheme::Ukrainian);
            let theirs = uklatn::encode(text, uklatn::Table::Kmu55).to_lowercase();
            assert_eq!(ours, theirs, "{text}");
        }
        let passport = translit::Passport2013::new();
        for text in [
            "Россия Санкции Украина перемирие Щёлково Хабаровск Майский Эльбрус Крым",
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ] {
            let ours = romanize(text, Scheme::Russian);
            let theirs = passport.to_latin(text).to_lowercase();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn legacy_leaves_text_to_slugify() {
        assert_eq!(romanize("Україна", Scheme::Legacy), "Україна");
        assert_eq!(Scheme::national("uk"), Scheme::Ukrainian);
        assert_eq!(Scheme::national("ru-RU"), Scheme::Russian);
        assert_eq!(Scheme::national("de"), Scheme::Legacy);
    }
}
