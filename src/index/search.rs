//! Search as you type: text folded so `toppmote` finds "toppmøte", `aerlig` finds "ærlig" and
//! `munchen` finds "München"; every query word must begin a word of the session; sessions whose
//! title holds every word come first.
//!
//! The index is built once: a sorted vocabulary of folded words, each with the sessions that
//! have it (one list for titles, one for everything). A query word is a range of the vocabulary
//! (all the words it begins), so a keystroke costs the sessions it touches, not the whole text.

use std::ops::Range;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use crate::model::Programme;

/// Lower case, accents removed, letters written out where they have no base letter.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match lower {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ð' | 'đ' => out.push('d'),
            'þ' => out.push_str("th"),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            other => out.extend(
                std::iter::once(other)
                    .nfd()
                    .filter(|c| !unicode_normalization::char::is_combining_mark(*c)),
            ),
        }
    }
}

/// The folded words of a text: runs of letters and digits.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .filter(|w| !w.is_empty())
}

/// Calls `each` with every folded word of `text`, folding into one reused buffer (indexing a
/// large programme makes millions of words; none of them is allocated).
fn for_each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        buffer.clear();
        if word.is_ascii() {
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                fold_char(c, buffer);
            }
        }
        if !buffer.is_empty() {
            each(buffer);
        }
    }
}

/// A vocabulary of folded words, sorted, and for each the sessions that have it.
#[derive(Debug, Default)]
struct Postings {
    words: Vec<Box<str>>,
    /// `sessions[i]` lists, in order, the sessions that have `words[i]`.
    sessions: Vec<Vec<u32>>,
}

/// Collects postings while reading sessions in order; [`Self::finish`] sorts the vocabulary.
#[derive(Default)]
struct PostingsBuilder {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    sessions: Vec<Vec<u32>>,
}

impl PostingsBuilder {
    fn add(&mut self, word: &str, session: u32) {
        let id = if let Some(&id) = self.ids.get(word) {
            id
        } else {
            let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
            self.ids.insert(word.into(), id);
            self.words.push(word.into());
            self.sessions.push(Vec::new());
            id
        };
        let list = &mut self.sessions[id as usize];
        if list.last() != Some(&session) {
            list.push(session);
        }
    }

    fn finish(self) -> Postings {
        let mut order: Vec<usize> = (0..self.words.len()).collect();
        order.sort_unstable_by(|&a, &b| self.words[a].cmp(&self.words[b]));
        let mut words: Vec<Option<Box<str>>> = self.words.into_iter().map(Some).collect();
        let mut sessions: Vec<Option<Vec<u32>>> = self.sessions.into_iter().map(Some).collect();
        Postings {
            words: order.iter().filter_map(|&i| words[i].take()).collect(),
            sessions: order.iter().filter_map(|&i| sessions[i].take()).collect(),
        }
    }
}

impl Postings {
    /// The words that begin with `prefix`.
    fn range(&self, prefix: &str) -> Range<usize> {
        let start = self.words.partition_point(|w| &**w < prefix);
        let len = self.words[start..]
            .iter()
            .take_while(|w| w.starts_with(prefix))
            .count();
        start..start + len
    }

    /// Marks in `hits` every session with a word that begins with `prefix`.
    fn mark(&self, prefix: &str, hits: &mut [bool]) {
        for list in &self.sessions[self.range(prefix)] {
            for &s in list {
                hits[s as usize] = true;
            }
        }
    }
}

/// Everything needed to search a programme.
#[derive(Debug, Default)]
pub struct SearchIndex {
    titles: Postings,
    all: Postings,
    sessions: usize,
}

impl SearchIndex {
    /// Indexes title, subtitle, description, speakers, themes, room and part of every session.
    pub fn build(programme: &Programme) -> Self {
        let mut titles = PostingsBuilder::default();
        let mut all = PostingsBuilder::default();
        let mut buffer = String::new();
        for (i, s) in programme.sessions.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for_each_word(&s.title, &mut buffer, |word| {
                titles.add(word, i);
                all.add(word, i);
            });
            let themes = s.themes.iter().map(|&t| programme.themes[t].name.as_str());
            let speakers = s.speakers.iter().map(|p| p.name.as_str());
            let description = s.description_text();
            let part = s.part.and_then(|p| programme.parts.get(p));
            let texts = [
                s.subtitle.as_deref(),
                description.as_deref(),
                programme.room_name(s),
                part.map(|p| p.name.as_str()),
            ]
            .into_iter()
            .flatten()
            .chain(themes)
            .chain(speakers);
            for text in texts {
                for_each_word(text, &mut buffer, |word| all.add(word, i));
            }
        }
        Self {
            titles: titles.finish(),
            all: all.finish(),
            sessions: programme.sessions.len(),
        }
    }

    /// The sessions matching every word of `query`, title matches first, each group in programme
    /// order. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let query: Vec<String> = words(query).collect();
        if query.is_empty() {
            return Vec::new();
        }
        let everywhere = self.all_words_in(&self.all, &query);
        let in_title = self.all_words_in(&self.titles, &query);
        let first = (0..self.sessions).filter(|&i| in_title[i]);
        let then = (0..self.sessions).filter(|&i| everywhere[i] && !in_title[i]);
        first.chain(then).collect()
    }

    /// For each session, whether it has a word beginning with each query word.
    fn all_words_in(&self, postings: &Postings, query: &[String]) -> Vec<bool> {
        let mut result = vec![true; self.sessions];
        let mut hits = vec![false; self.sessions];
        for word in query {
            hits.fill(false);
            postings.mark(word, &mut hits);
            for (r, h) in result.iter_mut().zip(&hits) {
                *r &= *h;
            }
        }
        result
    }
}

/// Byte ranges of `text` to highlight: the start of each word that a query word begins.
pub(crate) fn highlights(text: &str, query: &str) -> Vec<Range<usize>> {
    let query: Vec<String> = words(query).collect();
    let mut ranges = Vec::new();
    let mut offset = 0;
    // One buffer for every word: this runs for each row shown, on every frame.
    let mut folded = String::new();
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let start = offset;
        offset += word.len();
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        folded.clear();
        word.chars().for_each(|c| fold_char(c, &mut folded));
        let Some(longest) = query
            .iter()
            .filter(|q| folded.starts_with(q.as_str()))
            .map(String::len)
            .max()
        else {
            continue;
        };
        ranges.push(start..start + original_prefix(word, longest));
    }
    ranges
}

/// How many bytes of `word` fold to its first `folded_len` folded bytes.
fn original_prefix(word: &str, folded_len: usize) -> usize {
    let mut folded = String::new();
    let mut len = 0;
    for (at, c) in word.char_indices() {
        if len >= folded_len {
            return at;
        }
        folded.clear();
        fold_char(c, &mut folded);
        len += folded.len();
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Toppmøte", "toppmote")]
    #[case("ærlig", "aerlig")]
    #[case("ÆRLIG", "aerlig")]
    #[case("Blåbær", "blabaer")]
    #[case("München", "munchen")]
    #[case("Straße", "strasse")]
    #[case("Élève à l'école", "eleve a l'ecole")]
    #[case("Cœur", "coeur")]
    #[case("Łódź", "lodz")]
    #[case("Þórður", "thordur")]
    #[case("İstanbul", "istanbul")]
    #[case("日本語", "日本語")]
    fn folding_ignores_case_and_accents(#[case] text: &str, #[case] folded: &str) {
        assert_eq!(fold(text), folded);
    }

    fn programme() -> Programme {
        use crate::model::{Session, Speaker};
        let session = |title: &str, description: &str, speaker: &str| Session {
            id: title.into(),
            title: title.into(),
            description: Some(crate::model::Description::Text(description.into())),
            speakers: vec![Speaker {
                name: speaker.into(),
                role: None,
            }],
            ..Session::default()
        };
        Programme {
            sessions: vec![
                session(
                    "Ærlig talt om økonomi",
                    "Om kommunebudsjett",
                    "Kari Nordmann",
                ),
                session("Kommunalpolitisk toppmøte", "Åpning", "Ola Nordmann"),
                session("Klima i München", "Toppmøte om klima", "Jürgen Müller"),
                session("Économie circulaire", "Øko og klima", "Élodie Dupont"),
            ],
            ..Programme::default()
        }
    }

    #[rstest]
    #[case("toppmote", &[1, 2])]
    #[case("aerlig", &[0])]
    #[case("munchen", &[2])]
    #[case("MÜNCHEN", &[2])]
    #[case("economie", &[3])]
    #[case("klima", &[2, 3])]
    #[case("nordmann", &[0, 1])]
    #[case("kari nord", &[0])]
    #[case("klima toppmote", &[2])]
    #[case("klima okonomi", &[])]
    #[case("elodie", &[3])]
    #[case("mull", &[2])]
    #[case("", &[])]
    #[case("  ,;  ", &[])]
    #[case("ommune", &[])]
    fn every_word_must_begin_a_word_and_titles_come_first(
        #[case] query: &str,
        #[case] expected: &[usize],
    ) {
        let index = SearchIndex::build(&programme());
        assert_eq!(index.search(query), expected);
    }

    #[test]
    fn title_matches_rank_first() {
        let index = SearchIndex::build(&programme());
        // Session 3 has "klima" only in its description; 2 has it in the title.
        assert_eq!(index.search("klima"), [2, 3]);
        // "toppmøte": 1 in the title, 2 in the description.
        assert_eq!(index.search("toppmøte"), [1, 2]);
    }

    #[test]
    fn a_sessions_part_is_searched_too() {
        let mut p = programme();
        p.parts = vec![crate::model::Part {
            id: "landsting".into(),
            name: "Landstinget".into(),
            description: None,
        }];
        p.sessions[0].part = Some(0);
        let index = SearchIndex::build(&p);
        assert_eq!(index.search("landsting"), [0]);
        assert_eq!(index.search("landsting okonomi"), [0]);
    }

    #[test]
    fn highlights_cover_the_matching_start_of_each_word() {
        let text = "Ærlig talt om Økonomi i München";
        let marked: Vec<&str> = highlights(text, "aerl okono munc")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(marked, ["Ærl", "Økono", "Münc"]);
        assert!(highlights(text, "").is_empty());
    }
}
