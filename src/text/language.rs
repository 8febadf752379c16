//! Which language an article is written in, as an ISO 639-1 code.
//!
//! A bounded sample of the text is read. When it is plainly English prose by its
//! function words (`reads_as_english`, a hundredth of the cost), that decides.
//! Otherwise, with the feature `detect` (part of the default `languages`),
//! `whatlang` (trigram profiles of 70 languages, script detection for the rest);
//! without it, a script heuristic that names the main language of the dominant
//! script (Latin → `en`, Cyrillic → `ru`, …).

/// The most bytes read to detect a language, in [`WINDOWS`] windows spread over the
/// text: 1 KB decides it as well as the whole article does (on 5,057 PAN documents,
/// the article-extraction set's 181 bodies and the seeds, `cargo bench --bench text`
/// counts the disagreements: none at 1, 2 or 4 KB), and the cost stays flat however
/// long the article is. Reading the whole of a 10 KB article took as long as
/// tokenizing it. What is left is mostly fixed: whatlang scores every profile of
/// the script whatever the sample's size (1 KB: 0.16 ms natively, 2 KB: 0.18).
const SAMPLE_BYTES: usize = 1024;

/// Windows spread over the text (start, middle, end…) rather than its first bytes
/// alone, so that a heading, a byline or a quotation in another language at the top
/// does not decide for the whole article.
const WINDOWS: usize = 4;

/// Every code [`detect`] can return.
pub const CODES: &[&str] = &[
    "af", "ak", "am", "ar", "az", "be", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "eo",
    "es", "et", "fa", "fi", "fr", "gu", "he", "hi", "hr", "hu", "hy", "id", "it", "ja", "jv", "ka",
    "km", "kn", "ko", "la", "lt", "lv", "mk", "ml", "mr", "my", "ne", "nl", "no", "or", "pa", "pl",
    "pt", "ro", "ru", "si", "sk", "sl", "sn", "sr", "sv", "ta", "te", "th", "tk", "tl", "tr", "uk",
    "ur", "uz", "vi", "yi", "zh", "zu",
];

/// The language of `text` as an ISO 639-1 code, or `None` when it has no letters.
pub fn detect(text: &str) -> Option<&'static str> {
    detect_sampled(text, SAMPLE_BYTES)
}

/// [`detect`] reading at most `sample_bytes` of `text` (`usize::MAX`: all of it):
/// public for the benchmark that measures what the sample changes.
#[doc(hidden)]
pub fn detect_sampled(text: &str, sample_bytes: usize) -> Option<&'static str> {
    let sample = sample(text, sample_bytes);
    if reads_as_english(&sample) {
        return Some("en");
    }
    by_profiles(&sample)
}

/// [`detect_sampled`] without [`reads_as_english`]: the trigram profiles decide
/// every sample. For the benchmark that counts where the two answer differently.
#[doc(hidden)]
pub fn detect_by_profiles(text: &str, sample_bytes: usize) -> Option<&'static str> {
    by_profiles(&sample(text, sample_bytes))
}

/// The trigram profiles' answer for `sample`, else its script's main language.
fn by_profiles(sample: &str) -> Option<&'static str> {
    detect_sample(sample).or_else(|| by_script(sample))
}

/// True when [`reads_as_english`] decides `text`'s sample of `sample_bytes`: for
/// the benchmark that counts how often it does.
#[doc(hidden)]
pub fn decided_by_markers(text: &str, sample_bytes: usize) -> bool {
    reads_as_english(&sample(text, sample_bytes))
}

/// Frequent words of English prose that are rare in every other language the
/// detector knows, sorted. Left out: English's own most frequent words that
/// another language uses as often (`a`, `in`, `to` (Czech, Polish), `of`, `is`
/// (Dutch), `for` (Danish, Norwegian), `on`, `or` (French), `was`, `will`, `an`
/// (German), `as` (Portuguese), `he` (Spanish), `his`, `has` (Latin)).
const ENGLISH_MARKERS: [&str; 25] = [
    "and", "are", "been", "but", "by", "from", "had", "have", "it", "its", "not", "said", "she",
    "that", "the", "their", "there", "they", "this", "were", "when", "which", "who", "with",
    "would",
];

/// A sample needs this many words before its function words decide.
const MIN_WORDS: usize = 40;

/// True when `sample` is plainly English prose: at least [`MIN_WORDS`] words, one
/// in ten of them an [`ENGLISH_MARKERS`] word, and at most one in twenty with a
/// character outside ASCII. Such a sample is English to the trigram profiles too,
/// which cost a hundred times more: of the 5,243 documents of PAN 2013, the
/// article-extraction bodies and the seeds, the markers decide 4,635, and the
/// profiles alone call none of those anything but English (`cargo bench --bench
/// text` counts both). Chosen on a scratch run over 8,328 samples of 1 KB (those
/// documents and several windows of each): 7,455 of the 8,290 the profiles call
/// English pass, none of the 38 they call something else (the most
/// English-looking, a Latin text, has 5 % marker words). Prose in English has
/// 10-25 % marker words; a sample below 10 % (a list, a table, a quotation in
/// another language) goes to the profiles as before.
fn reads_as_english(sample: &str) -> bool {
    let words = Words::of(sample);
    words.all >= MIN_WORDS && words.markers * 10 >= words.all && words.wide * 20 <= words.all
}

/// What [`reads_as_english`] counts in a sample: its words (runs of letters,
/// digits and apostrophes), those with a character outside ASCII, and the
/// [`ENGLISH_MARKERS`] among the others.
struct Words {
    all: usize,
    wide: usize,
    markers: usize,
}

impl Words {
    fn of(sample: &str) -> Words {
        let mut words = Words {
            all: 0,
            wide: 0,
            markers: 0,
        };
        // Read byte by byte, a character decoded only outside ASCII: `str::split`
        // on a test of every character cost a news-sized article's
        // `termFrequencies` in wasm 1 % more instructions (under valgrind).
        let bytes = sample.as_bytes();
        let (mut i, mut start, mut wide) = (0, 0, false);
        while i <= bytes.len() {
            let (in_word, len) = match bytes.get(i) {
                None => (false, 1),
                Some(&b) if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'\'', 1),
                Some(_) => {
                    let c = sample[i..].chars().next().unwrap_or(' ');
                    (c.is_alphanumeric(), c.len_utf8())
                }
            };
            if in_word {
                wide |= len > 1;
            } else {
                if start < i {
                    words.count(&sample[start..i], wide);
                }
                (start, wide) = (i + len, false);
            }
            i += len;
        }
        words
    }

    fn count(&mut self, word: &str, wide: bool) {
        self.all += 1;
        if wide {
            self.wide += 1;
        } else if is_english_marker(word) {
            self.markers += 1;
        }
    }
}

/// True when the ASCII `word`, in any case, is one of [`ENGLISH_MARKERS`]:
/// looked up as a number, its bytes lower-cased ([`MARKER_KEYS`]), where a
/// binary search over the strings cost a `memcmp` call per step (a twentieth
/// of a news-sized article's `termFrequencies` went to this check).
fn is_english_marker(word: &str) -> bool {
    word.len() <= MARKER_BYTES
        && MARKER_KEYS
            .binary_search(&key(word.as_bytes(), true))
            .is_ok()
}

/// The longest of [`ENGLISH_MARKERS`].
const MARKER_BYTES: usize = 5;

/// [`ENGLISH_MARKERS`] as [`key`]s, sorted.
const MARKER_KEYS: [u64; ENGLISH_MARKERS.len()] = {
    let mut keys = [0u64; ENGLISH_MARKERS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(ENGLISH_MARKERS[i].len() <= MARKER_BYTES);
        keys[i] = key(ENGLISH_MARKERS[i].as_bytes(), false);
        // Insertion sort: a `const` cannot call the slice's sort.
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            (keys[j - 1], keys[j]) = (keys[j], keys[j - 1]);
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// A word of at most eight ASCII bytes as one number (its bytes, big-endian),
/// lower-cased when `lower`: equal numbers, equal words (words have no NUL,
/// which a shorter word's key would start with).
const fn key(word: &[u8], lower: bool) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < word.len() {
        let b = if lower {
            word[i].to_ascii_lowercase()
        } else {
            word[i]
        };
        key = key << 8 | b as u64;
        i += 1;
    }
    key
}

/// `text` itself when it is short, else [`WINDOWS`] evenly spaced windows of it that
/// together hold about `bytes` bytes, each starting after a space so that no word
/// is cut at its start, joined by spaces.
fn sample(text: &str, bytes: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= bytes {
        return text.into();
    }
    let window = bytes / WINDOWS;
    let step = (text.len() - window) / (WINDOWS - 1).max(1);
    let mut out = String::with_capacity(bytes + WINDOWS);
    for i in 0..WINDOWS {
        let from = floor_char_boundary(text, i * step);
        let to = floor_char_boundary(text, from + window);
        let piece = &text[from..to];
        // The first window starts at the text's start; the others after a space.
        let piece = match piece.find(char::is_whitespace) {
            Some(space) if i > 0 => &piece[space..],
            _ => piece,
        };
        out.push_str(piece);
        out.push(' ');
    }
    out.into()
}

/// The largest char boundary of `text` at or before `i` (clamped to its length).
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(feature = "detect")]
fn detect_sample(sample: &str) -> Option<&'static str> {
    use whatlang::Lang::*;
    let info = whatlang::detect(sample)?;
    // Short texts give unreliable guesses: the script's main language is then the
    // better bet (a wrong guess would apply another language's stop words).
    if !info.is_reliable() {
        return None;
    }
    let code = match info.lang() {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "no",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    };
    Some(code)
}

#[cfg(not(feature = "detect"))]
fn detect_sample(_sample: &str) -> Option<&'static str> {
    None
}

/// The main language of the script most letters of `sample` are written in.
fn by_script(sample: &str) -> Option<&'static str> {
    let mut counts = [0usize; 11];
    const CODES: [&str; 11] = [
        "en", "ru", "el", "ar", "he", "hi", "zh", "ja", "ko", "th", "ka",
    ];
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        let i = match c as u32 {
            0x0000..=0x024F | 0x1E00..=0x1EFF => 0,
            0x0400..=0x052F => 1,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => 2,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFEFF => 3,
            0x0590..=0x05FF => 4,
            0x0900..=0x097F => 5,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => 6,
            0x3040..=0x30FF => 7,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => 8,
            0x0E00..=0x0E7F => 9,
            0x10A0..=0x10FF => 10,
            _ => continue,
        };
        counts[i] += 1;
    }
    // Any kana means Japanese: Japanese text mixes kana with more numerous kanji.
    if counts[7] > 0 {
        return Some("ja");
    }
    let (best, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (*n > 0).then_some(CODES[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let cases = [
            ("en", "The talks between the two governments broke down on Monday after the delegates failed to agree."),
            ("ru", "Переговоры между двумя правительствами сорвались в понедельник, делегаты не смогли договориться."),
            ("zh", "两国政府之间的谈判周一破裂，代表们未能达成一致。"),
            ("ja", "両政府間の交渉は月曜日に決裂し、代表団は合意できなかった。"),
            ("ar", "انهارت المحادثات بين الحكومتين يوم الاثنين بعد أن فشل المندوبون في الاتفاق."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text), Some(code), "{text}");
        }
    }

    /// The languages of one script told apart by their trigram profiles, for the
    /// scripts whose profiles only the full engine has (vendor/whatlang/PARALLAX.md).
    #[cfg(feature = "languages")]
    #[test]
    fn detects_languages_that_share_a_script() {
        let cases = [
            ("fa", "مذاکرات میان دو دولت روز دوشنبه پس از آنکه نمایندگان نتوانستند به توافق برسند، شکست خورد."),
            ("he", "השיחות בין שתי הממשלות קרסו ביום שני לאחר שהנציגים לא הצליחו להגיע להסכמה."),
            ("hi", "दोनों सरकारों के बीच वार्ता सोमवार को विफल हो गई जब प्रतिनिधि सहमत नहीं हो सके।"),
            ("mr", "दोन्ही सरकारांमधील चर्चा सोमवारी फिसकटली, कारण प्रतिनिधींचे एकमत होऊ शकले नाही. दोन्ही देशांच्या मंत्र्यांनी पुढील आठवड्यात पुन्हा भेटण्याचे ठरवले आहे, असे अधिकाऱ्यांनी सांगितले."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text), Some(code), "{text}");
        }
    }

    #[test]
    fn samples_spread_over_the_text_and_keep_short_texts_whole() {
        let short = "Die Gespräche sind gescheitert.";
        assert_eq!(sample(short, 2048), short);
        // Multi-byte characters everywhere: every cut must land on a boundary.
        let long = "Переговоры сорвались, делегаты не смогли договориться. ".repeat(400);
        let s = sample(&long, 2048);
        assert!(s.len() <= 2048 + WINDOWS, "{}", s.len());
        assert!(s.len() >= 2048 / 2, "{}", s.len());
        assert_eq!(detect(&long), Some("ru"));
        // The windows reach the end of the text, not only its start.
        let mixed = format!(
            "{}{}",
            "The talks failed on Monday. ".repeat(300),
            "Les négociations ont échoué lundi. ".repeat(300)
        );
        assert!(sample(&mixed, 2048).contains("négociations"));
    }

    /// What `Words::of` counts, by splitting on every character that is not a
    /// letter, digit or apostrophe (its naive twin).
    fn split_counts(text: &str) -> (usize, usize, usize) {
        let split: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let wide = split.iter().filter(|w| !w.is_ascii()).count();
        let markers = split
            .iter()
            .filter(|w| w.is_ascii() && is_english_marker(w))
            .count();
        (split.len(), wide, markers)
    }

    #[test]
    fn words_are_counted_as_a_split_counts_them() {
        let texts = [
            "The talks—and they said it's over; THE END. café, naïve 2016 it’s",
            "",
            "   ",
            "a",
            "Переговоры сорвались, and the 北京会谈 «ended» by 😀 them",
            "'' ' it 'it' ITS",
        ];
        for text in texts {
            let words = Words::of(text);
            assert_eq!(
                (words.all, words.wide, words.markers),
                split_counts(text),
                "{text}"
            );
        }
    }

    // proptest needs an OS random source: property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn words_count_as_a_split_for_any_text(text in "(\\PC|[ '.,—]|the|it|IT|And){0,40}") {
            let words = Words::of(&text);
            proptest::prop_assert_eq!((words.all, words.wide, words.markers), split_counts(&text));
        }
    }

    #[test]
    fn english_markers_are_sorted_lower_case_and_short() {
        assert!(ENGLISH_MARKERS.windows(2).all(|w| w[0] < w[1]));
        for word in ENGLISH_MARKERS {
            assert!(word.len() <= 5 && word.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(is_english_marker(word) && is_english_marker(&word.to_uppercase()));
        }
        for other in ["them", "withdraw", "th", "t", "it's", "Thé", ""] {
            assert!(!is_english_marker(other), "{other}");
        }
    }

    #[test]
    fn the_seeds_read_as_english_and_the_profiles_agree() {
        for text in crate::seed_texts() {
            assert!(reads_as_english(&sample(&text, SAMPLE_BYTES)));
            assert_eq!(detect_by_profiles(&text, SAMPLE_BYTES), Some("en"));
        }
    }

    /// Prose of other languages written in Latin letters, long enough for the
    /// markers to decide: each has under one marker word in ten, whatever its
    /// accents (the check on characters outside ASCII is a second guard, not
    /// the one tested here). The languages nearest English's function words:
    /// Dutch and Afrikaans, the Scandinavian ones, Latin (`his`, `has`).
    #[test]
    fn other_languages_have_few_english_markers() {
        let cases = [
            ("de", "Die Gespräche zwischen den beiden Regierungen sind am Montag gescheitert, nachdem sich die Delegierten nicht auf einen gemeinsamen Text einigen konnten. Der Minister sagte am Abend, man werde die Verhandlungen in der nächsten Woche fortsetzen, wenn beide Seiten dazu bereit seien. Die Opposition kritisierte das Vorgehen der Regierung scharf und forderte eine Erklärung im Parlament."),
            ("nl", "De gesprekken tussen de twee regeringen zijn maandag mislukt, nadat de afgevaardigden het niet eens konden worden over een gezamenlijke tekst. De minister zei 's avonds dat de onderhandelingen volgende week worden voortgezet als beide partijen daartoe bereid zijn. De oppositie was zeer kritisch over de aanpak van het kabinet en vroeg om een debat in de Tweede Kamer."),
            ("af", "Die gesprekke tussen die twee regerings het Maandag misluk nadat die afgevaardigdes nie oor 'n gesamentlike teks kon saamstem nie. Die minister het die aand gesê dat die onderhandelinge volgende week sal voortgaan as albei partye daartoe bereid is. Die opposisie het die regering se optrede skerp gekritiseer en 'n debat in die parlement gevra oor hierdie saak."),
            ("da", "Forhandlingerne mellem de to regeringer brød sammen mandag, efter at de delegerede ikke kunne blive enige om en fælles tekst. Ministeren sagde om aftenen, at forhandlingerne vil fortsætte i næste uge, hvis begge parter er villige til det. Oppositionen kritiserede regeringens fremgangsmåde skarpt og krævede en debat i Folketinget om sagen for at få svar."),
            ("fr", "Les négociations entre les deux gouvernements ont échoué lundi, après que les délégués n'ont pas réussi à se mettre d'accord sur un texte commun. Le ministre a déclaré dans la soirée que les discussions reprendraient la semaine prochaine si les deux parties y étaient prêtes. L'opposition a vivement critiqué la méthode du gouvernement et réclamé un débat au Parlement."),
            ("es", "Las conversaciones entre los dos gobiernos fracasaron el lunes, después de que los delegados no lograran ponerse de acuerdo sobre un texto común. El ministro dijo por la noche que las negociaciones continuarán la próxima semana si ambas partes están dispuestas. La oposición criticó duramente la actuación del gobierno y pidió un debate en el Congreso sobre el asunto."),
            ("pt", "As conversações entre os dois governos fracassaram na segunda-feira, depois de os delegados não terem conseguido chegar a acordo sobre um texto comum. O ministro disse à noite que as negociações vão continuar na próxima semana se as duas partes estiverem dispostas. A oposição criticou duramente a atuação do governo e pediu um debate no Parlamento."),
            ("it", "I colloqui tra i due governi sono falliti lunedì, dopo che i delegati non sono riusciti a mettersi d'accordo su un testo comune. Il ministro ha detto in serata che i negoziati riprenderanno la prossima settimana se entrambe le parti saranno disponibili. L'opposizione ha criticato duramente il comportamento del governo e ha chiesto un dibattito in Parlamento."),
            ("la", "Legati duarum civitatum die Lunae de pace agere desierunt, quod in eadem verba consentire non potuerunt. Consul vespere dixit his rebus cognitis senatum proxima hebdomade iterum conventurum esse, si utraque pars id vellet. Tribuni plebis consilium consulis acriter reprehenderunt et de ea re in contione disputari postulaverunt, quae res has discordias auxit."),
            ("tl", "Nabigo ang pag-uusap ng dalawang pamahalaan noong Lunes matapos hindi magkasundo ang mga delegado sa isang pinagsamang teksto. Sinabi ng ministro noong gabi na magpapatuloy ang negosasyon sa susunod na linggo kung handa ang dalawang panig. Mariing pinuna ng oposisyon ang ginawa ng pamahalaan at humingi ito ng debate sa Kongreso tungkol sa usapin."),
            ("id", "Perundingan antara kedua pemerintah gagal pada hari Senin setelah para delegasi tidak dapat menyepakati sebuah teks bersama. Menteri mengatakan pada malam hari bahwa perundingan akan dilanjutkan minggu depan jika kedua pihak bersedia. Pihak oposisi mengkritik keras langkah pemerintah dan meminta agar masalah ini dibahas dalam sidang parlemen pekan ini juga."),
            ("cs", "Rozhovory mezi oběma vládami v pondělí zkrachovaly, protože se delegáti nedokázali dohodnout na společném textu. Ministr večer řekl, že jednání budou pokračovat příští týden, pokud k tomu budou obě strany ochotné. Opozice postup vlády ostře kritizovala a požadovala, aby se o tom jednalo v parlamentu, a to ještě tento týden."),
        ];
        for (code, text) in cases {
            let words = Words::of(text);
            assert!(words.all >= MIN_WORDS, "{code}: {} words", words.all);
            assert!(
                words.markers * 10 < words.all,
                "{code}: {} markers",
                words.markers
            );
            assert!(!reads_as_english(text), "{code}");
        }
    }

    #[test]
    fn no_letters_no_language() {
        assert_eq!(detect("123 ... !!"), None);
        assert_eq!(detect(""), None);
    }
}
