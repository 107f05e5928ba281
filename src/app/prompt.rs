//! A line typed in the status bar: a time of the day to go to, or the first letters of a row in
//! a long list (992 speakers, 74 themes), found as they are typed, as file managers do. Enter
//! keeps where it went; Esc goes back to where it was opened.

use super::{App, Browse, FilterRow, Pane, info_status};
use crate::tr;

/// What a prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    /// A time of the day, gone to on Enter.
    Time,
    /// The first letters of a row of this list, found as they are typed; the row it started on.
    Find { pane: Pane, from: usize },
}

/// A prompt being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Prompt {
    asked: Asked,
    text: String,
    /// Whether what is typed so far finds a row.
    found: bool,
}

impl App {
    /// Whether a prompt is being typed, which then takes the keys.
    pub(crate) fn prompting(&self) -> bool {
        self.prompt.is_some()
    }

    pub(super) fn ask_time(&mut self) {
        self.open_prompt(Asked::Time);
    }

    /// Starts finding in the focused list, when it is one of the long ones.
    pub(super) fn find_in_list(&mut self) {
        let from = match self.focus {
            Pane::Browse => self.browse_cursor(),
            Pane::Filters => self.filter_cursor,
            Pane::Sessions | Pane::Details => return,
        };
        self.open_prompt(Asked::Find {
            pane: self.focus,
            from,
        });
    }

    fn open_prompt(&mut self, asked: Asked) {
        self.prompt = Some(Prompt {
            asked,
            text: String::new(),
            found: true,
        });
    }

    pub(super) fn prompt_type(&mut self, c: char) {
        if let Some(prompt) = &mut self.prompt {
            prompt.text.push(c);
        }
        self.find_typed();
    }

    pub(super) fn prompt_backspace(&mut self) {
        if let Some(prompt) = &mut self.prompt {
            prompt.text.pop();
        }
        self.find_typed();
    }

    pub(super) fn prompt_accept(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        if prompt.asked == Asked::Time {
            if let Some(minutes) = super::jump::parse_time(&prompt.text) {
                self.go_to_time(minutes);
            } else {
                let text = crate::text::clean_line(&prompt.text);
                self.status = Some(info_status(tr!("status.bad_time", text = text)));
            }
        }
    }

    pub(super) fn prompt_cancel(&mut self) {
        if let Some(Prompt {
            asked: Asked::Find { pane, from },
            ..
        }) = self.prompt.take()
        {
            self.choose_in(pane, from);
        }
    }

    /// The prompt as the status bar shows it, while one is open.
    pub(super) fn show_prompt(&mut self) {
        let Some(prompt) = &self.prompt else {
            return;
        };
        let text = crate::text::clean_line(&prompt.text);
        let line = match prompt.asked {
            Asked::Time => tr!("prompt.time", text = text),
            Asked::Find { .. } if prompt.found => tr!("prompt.find", text = text),
            Asked::Find { .. } => tr!("prompt.find_none", text = text),
        };
        self.status = Some(info_status(line));
    }

    /// Goes to the first row of the list that the letters typed begin, else the first with a
    /// word they begin (a speaker's surname); stays put when none does.
    fn find_typed(&mut self) {
        let Some(Prompt {
            asked: Asked::Find { pane, from },
            text,
            ..
        }) = &self.prompt
        else {
            return;
        };
        let (pane, from) = (*pane, *from);
        let typed = text.to_lowercase();
        let row = if typed.is_empty() {
            Some(from)
        } else {
            let names = self.list_names(pane);
            find_row(&names, &typed)
        };
        if let Some(row) = row {
            self.choose_in(pane, row);
        }
        if let Some(prompt) = &mut self.prompt {
            prompt.found = row.is_some();
        }
    }

    /// Each row's name in a list, lower-cased; `None` for rows that cannot be chosen.
    fn list_names(&self, pane: Pane) -> Vec<Option<String>> {
        let programme = &self.programme;
        let names: Vec<Option<String>> = match (pane, self.browse) {
            (Pane::Browse, Browse::Days) => programme
                .days
                .iter()
                .enumerate()
                .map(|(i, day)| Some(crate::i18n::day_name(day, i)))
                .collect(),
            (Pane::Browse, Browse::Rooms) => programme.rooms.iter().cloned().map(Some).collect(),
            (Pane::Browse, Browse::Speakers) => self
                .index
                .speakers()
                .iter()
                .map(|s| Some(s.name.clone()))
                .collect(),
            _ => self
                .filter_rows
                .iter()
                .map(|row| match *row {
                    FilterRow::Heading(_) => None,
                    FilterRow::AllThemes => Some(tr!("about.all_themes").to_string()),
                    FilterRow::Theme(t) => Some(programme.themes[t].name.clone()),
                    FilterRow::Part(p) => Some(programme.parts[p].name.clone()),
                    FilterRow::Room(r) => Some(programme.rooms[r].clone()),
                })
                .collect(),
        };
        names
            .into_iter()
            .map(|name| name.map(|n| n.to_lowercase()))
            .collect()
    }

    /// Chooses a row of a list as moving onto it does.
    fn choose_in(&mut self, pane: Pane, row: usize) {
        match pane {
            Pane::Browse => self.click_browse(row),
            _ => self.filter_cursor = row.min(self.filter_rows.len().saturating_sub(1)),
        }
    }
}

/// The first row whose name begins with `typed`, else the first with a word that does.
fn find_row(names: &[Option<String>], typed: &str) -> Option<usize> {
    let starts = |name: &Option<String>| name.as_deref().is_some_and(|n| n.starts_with(typed));
    let word_starts = |name: &Option<String>| {
        name.as_deref().is_some_and(|n| {
            n.split(|c: char| !c.is_alphanumeric())
                .any(|word| word.starts_with(typed))
        })
    };
    names
        .iter()
        .position(starts)
        .or_else(|| names.iter().position(word_starts))
}

#[cfg(test)]
mod tests {
    use super::find_row;

    #[test]
    fn the_first_letters_find_the_first_row_they_begin() {
        let names: Vec<Option<String>> = [
            Some("ada lovelace"),
            None,
            Some("alan kay"),
            Some("grace hopper"),
        ]
        .into_iter()
        .map(|n| n.map(String::from))
        .collect();
        assert_eq!(find_row(&names, "a"), Some(0));
        assert_eq!(find_row(&names, "al"), Some(2));
        assert_eq!(find_row(&names, "hop"), Some(3), "a surname");
        assert_eq!(find_row(&names, "x"), None);
    }
}
