//! The keys dagsorden starts with. Each row names an action for the config file; rows that
//! share a name (scrolling in the help and on the main screen, say) are rebound together.

use super::Scope::{self, Changes, Global, Help, In, Links, Page, Prompt, Search};
use super::{Key, KeyCode};
use crate::action::{Action, Pane};

/// A row of the table: the keys, what they do, where, and the words for the screen.
#[derive(Debug)]
pub struct Row {
    /// The name the config file rebinds it by; `None` for the few that stay as they are.
    pub name: Option<&'static str>,
    /// The keys until the config says otherwise.
    pub keys: &'static [Key],
    /// Keys kept whatever the config says: Esc always closes, Ctrl-C always quits.
    pub fixed: &'static [Key],
    /// What the keys do.
    pub action: Action,
    /// Where they do it.
    pub scope: Scope,
    /// The key of the help text in the language files.
    pub description: &'static str,
    /// The key of the status-bar word, for the bindings worth a place there.
    pub hint: Option<&'static str>,
}

const ESC: Key = Key::plain(KeyCode::Esc);
const ENTER: Key = Key::plain(KeyCode::Enter);
const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const PAGE_UP: Key = Key::plain(KeyCode::PageUp);
const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown);
const SPACE: Key = Key::char(' ');
const CTRL_C: Key = Key::ctrl('c');

#[allow(clippy::too_many_arguments)]
const fn row(
    name: Option<&'static str>,
    keys: &'static [Key],
    fixed: &'static [Key],
    action: Action,
    scope: Scope,
    description: &'static str,
    hint: Option<&'static str>,
) -> Row {
    Row {
        name,
        keys,
        fixed,
        action,
        scope,
        description,
        hint,
    }
}

/// Every key of dagsorden. Earlier rows win where two could match.
#[rustfmt::skip]
pub const ROWS: &[Row] = &[
    row(Some("help"), &[Key::char('?')], &[ESC], Action::ToggleHelp, Help, "keys.help_close", Some("hint.close")),
    row(Some("down"), &[DOWN, Key::char('j')], &[], Action::Down, Help, "keys.scroll_down", Some("hint.scroll")),
    row(Some("up"), &[UP, Key::char('k')], &[], Action::Up, Help, "keys.scroll_up", None),
    row(Some("page-down"), &[PAGE_DOWN], &[], Action::PageDown, Help, "keys.page_down", None),
    row(Some("page-up"), &[PAGE_UP], &[], Action::PageUp, Help, "keys.page_up", None),
    row(Some("quit"), &[Key::char('q')], &[CTRL_C], Action::Quit, Help, "keys.quit", Some("hint.quit")),
    row(Some("seen"), &[ENTER], &[], Action::DismissChanges, Changes, "keys.seen", Some("hint.seen")),
    row(Some("changes-close"), &[ESC], &[], Action::Back, Changes, "keys.changes_close", Some("hint.close")),
    row(Some("down"), &[DOWN, Key::char('j')], &[], Action::Down, Changes, "keys.scroll_down", Some("hint.scroll")),
    row(Some("up"), &[UP, Key::char('k')], &[], Action::Up, Changes, "keys.scroll_up", None),
    row(Some("page-down"), &[PAGE_DOWN], &[], Action::PageDown, Changes, "keys.page_down", None),
    row(Some("page-up"), &[PAGE_UP], &[], Action::PageUp, Changes, "keys.page_up", None),
    row(Some("quit"), &[Key::char('q')], &[CTRL_C], Action::Quit, Changes, "keys.quit", Some("hint.quit")),
    row(Some("read"), &[Key::char('r')], &[ESC], Action::ToggleReading, Page, "keys.read_close", Some("hint.close")),
    row(Some("down"), &[DOWN, Key::char('j')], &[], Action::Down, Page, "keys.scroll_down", Some("hint.scroll")),
    row(Some("up"), &[UP, Key::char('k')], &[], Action::Up, Page, "keys.scroll_up", None),
    row(Some("page-down"), &[PAGE_DOWN], &[], Action::PageDown, Page, "keys.page_down", None),
    row(Some("page-up"), &[PAGE_UP], &[], Action::PageUp, Page, "keys.page_up", None),
    row(Some("top"), &[Key::plain(KeyCode::Home), Key::char('g')], &[], Action::Top, Page, "keys.top_page", None),
    row(Some("bottom"), &[Key::plain(KeyCode::End), Key::char('G')], &[], Action::Bottom, Page, "keys.bottom_page", None),
    row(Some("link"), &[Key::char('u')], &[], Action::OpenLink, Page, "keys.link", Some("hint.link")),
    row(Some("slot"), &[Key::char('a')], &[], Action::ToggleSlot, Page, "keys.slot", None),
    row(Some("star"), &[Key::char('f'), SPACE], &[], Action::CycleStar, Page, "keys.star", Some("hint.star")),
    row(Some("quit"), &[Key::char('q')], &[CTRL_C], Action::Quit, Page, "keys.quit", Some("hint.quit")),
    row(Some("link-open"), &[ENTER], &[], Action::OpenLink, Links, "keys.link_open", Some("hint.open")),
    row(Some("link-close"), &[], &[ESC], Action::Back, Links, "keys.link_close", Some("hint.back")),
    row(Some("down"), &[DOWN, Key::char('j')], &[], Action::Down, Links, "keys.link_next", Some("hint.move")),
    row(Some("up"), &[UP, Key::char('k')], &[], Action::Up, Links, "keys.link_previous", None),
    row(Some("quit"), &[Key::char('q')], &[CTRL_C], Action::Quit, Links, "keys.quit", Some("hint.quit")),
    row(Some("search-open"), &[ENTER], &[], Action::SearchAccept, Search, "keys.search_open", Some("hint.open")),
    row(Some("search-back"), &[], &[ESC], Action::SearchCancel, Search, "keys.search_back", Some("hint.back")),
    row(Some("search-next"), &[DOWN, Key::ctrl('n')], &[], Action::Down, Search, "keys.search_next", Some("hint.results")),
    row(Some("search-previous"), &[UP, Key::ctrl('p')], &[], Action::Up, Search, "keys.search_previous", None),
    row(Some("page-down"), &[PAGE_DOWN], &[], Action::PageDown, Search, "keys.search_page_down", None),
    row(Some("page-up"), &[PAGE_UP], &[], Action::PageUp, Search, "keys.search_page_up", None),
    row(Some("search-delete"), &[Key::plain(KeyCode::Backspace)], &[], Action::SearchBackspace, Search, "keys.search_delete", None),
    row(None, &[], &[CTRL_C], Action::Quit, Search, "keys.quit", None),
    row(None, &[], &[ENTER], Action::PromptAccept, Prompt, "keys.prompt_accept", Some("hint.done")),
    row(None, &[], &[ESC], Action::PromptCancel, Prompt, "keys.prompt_cancel", Some("hint.back")),
    row(None, &[], &[Key::plain(KeyCode::Backspace)], Action::PromptBackspace, Prompt, "keys.search_delete", None),
    row(None, &[], &[CTRL_C], Action::Quit, Prompt, "keys.quit", None),
    row(Some("open"), &[ENTER], &[], Action::Open, In(Pane::Browse), "keys.open_browse", Some("hint.sessions")),
    row(Some("open"), &[ENTER], &[], Action::Open, In(Pane::Sessions), "keys.open_session", Some("hint.details")),
    row(Some("open"), &[ENTER], &[], Action::Open, In(Pane::Details), "keys.read", Some("hint.read")),
    row(Some("filter"), &[ENTER, SPACE], &[], Action::Open, In(Pane::Filters), "keys.filter", Some("hint.filter")),
    row(Some("star"), &[Key::char('f'), SPACE], &[], Action::CycleStar, In(Pane::Sessions), "keys.star", Some("hint.star")),
    row(Some("star"), &[Key::char('f'), SPACE], &[], Action::CycleStar, In(Pane::Details), "keys.star", Some("hint.star")),
    row(Some("find"), &[Key::char('F')], &[], Action::FindInList, In(Pane::Browse), "keys.find", Some("hint.find")),
    row(Some("find"), &[Key::char('F')], &[], Action::FindInList, In(Pane::Filters), "keys.find", Some("hint.find")),
    row(Some("read"), &[Key::char('r')], &[], Action::ToggleReading, In(Pane::Sessions), "keys.read", None),
    row(Some("read"), &[Key::char('r')], &[], Action::ToggleReading, In(Pane::Details), "keys.read", None),
    row(Some("link"), &[Key::char('u')], &[], Action::OpenLink, In(Pane::Sessions), "keys.link", None),
    row(Some("link"), &[Key::char('u')], &[], Action::OpenLink, In(Pane::Details), "keys.link", None),
    row(Some("slot"), &[Key::char('a')], &[], Action::ToggleSlot, In(Pane::Sessions), "keys.slot", None),
    row(Some("slot"), &[Key::char('a')], &[], Action::ToggleSlot, In(Pane::Details), "keys.slot", None),
    row(Some("up"), &[UP, Key::char('k')], &[], Action::Up, Global, "keys.up", None),
    row(Some("down"), &[DOWN, Key::char('j')], &[], Action::Down, Global, "keys.down", Some("hint.move")),
    row(Some("page-up"), &[PAGE_UP], &[], Action::PageUp, Global, "keys.page_up", None),
    row(Some("page-down"), &[PAGE_DOWN], &[], Action::PageDown, Global, "keys.page_down", None),
    row(Some("top"), &[Key::plain(KeyCode::Home), Key::char('g')], &[], Action::Top, Global, "keys.top", None),
    row(Some("bottom"), &[Key::plain(KeyCode::End), Key::char('G')], &[], Action::Bottom, Global, "keys.bottom", None),
    row(Some("next-pane"), &[Key::plain(KeyCode::Tab)], &[], Action::NextPane, Global, "keys.next_pane", Some("hint.pane")),
    row(Some("previous-pane"), &[Key::plain(KeyCode::BackTab)], &[], Action::PrevPane, Global, "keys.previous_pane", None),
    row(Some("pane-left"), &[Key::plain(KeyCode::Left), Key::char('h')], &[], Action::FocusLeft, Global, "keys.pane_left", None),
    row(Some("pane-right"), &[Key::plain(KeyCode::Right), Key::char('l')], &[], Action::FocusRight, Global, "keys.pane_right", None),
    row(Some("go-browse"), &[Key::char('1')], &[], Action::Focus(Pane::Browse), Global, "keys.go_browse", None),
    row(Some("go-sessions"), &[Key::char('2')], &[], Action::Focus(Pane::Sessions), Global, "keys.go_sessions", None),
    row(Some("go-details"), &[Key::char('3')], &[], Action::Focus(Pane::Details), Global, "keys.go_details", None),
    row(Some("go-filters"), &[Key::char('4')], &[], Action::Focus(Pane::Filters), Global, "keys.go_filters", None),
    row(Some("previous-day"), &[Key::char('['), Key::char('p')], &[], Action::PrevDay, Global, "keys.previous_day", None),
    row(Some("next-day"), &[Key::char(']'), Key::char('n')], &[], Action::NextDay, Global, "keys.next_day", Some("hint.day")),
    row(Some("my-programme"), &[Key::char('m')], &[], Action::ToggleMyProgramme, Global, "keys.my_programme", Some("hint.my_programme")),
    row(Some("now"), &[Key::char('o')], &[], Action::ToggleNow, Global, "keys.now", Some("hint.now")),
    row(Some("jump-to-now"), &[Key::char('t')], &[], Action::JumpToNow, Global, "keys.jump_to_now", None),
    row(Some("zone"), &[Key::char('z')], &[], Action::ToggleZone, Global, "keys.zone", None),
    row(Some("hide-past"), &[Key::char('x')], &[], Action::TogglePast, Global, "keys.hide_past", None),
    row(Some("search"), &[Key::char('/')], &[], Action::StartSearch, Global, "keys.search", Some("hint.search")),
    row(Some("browse-by"), &[Key::char('v')], &[], Action::NextBrowse, Global, "keys.browse_by", None),
    row(Some("starred-only"), &[Key::char('s')], &[], Action::ToggleStarredOnly, Global, "keys.starred_only", None),
    row(Some("clear-filters"), &[Key::char('c')], &[], Action::ClearFilters, Global, "keys.clear_filters", None),
    row(Some("export"), &[Key::char('e')], &[], Action::ExportFavourites, Global, "keys.export", None),
    row(Some("changes"), &[Key::char('C')], &[], Action::ShowChanges, Global, "keys.changes", None),
    row(Some("refresh"), &[Key::char('R')], &[], Action::Refresh, Global, "keys.refresh", None),
    row(Some("help"), &[Key::char('?')], &[], Action::ToggleHelp, Global, "keys.help", Some("hint.help")),
    row(Some("quit"), &[Key::char('q')], &[CTRL_C], Action::Quit, Global, "keys.quit", Some("hint.quit")),
    row(Some("back"), &[ESC], &[], Action::Back, Global, "keys.back", Some("hint.back")),
    row(Some("go-to-time"), &[Key::char('@')], &[], Action::JumpToTime, Global, "keys.go_to_time", None),
    row(Some("next-starred"), &[Key::char('S')], &[], Action::NextStarred, Global, "keys.next_starred", None),
];

/// The names the config file can rebind, in table order, each once.
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for name in ROWS.iter().filter_map(|r| r.name) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The row that stands for all rows of a name, with its default keys and description: the
/// main screen's where there is one.
pub fn first_row(name: &str) -> Option<&'static Row> {
    let named = || ROWS.iter().filter(move |r| r.name == Some(name));
    named()
        .find(|r| matches!(r.scope, Scope::Global | Scope::In(_)))
        .or_else(|| named().next())
}
