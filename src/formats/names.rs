//! Names that many sessions share (rooms, tracks), stored once and referred to by index.

use rustc_hash::FxHashMap;

#[derive(Debug, Default)]
pub(crate) struct Names {
    names: Vec<String>,
    index: FxHashMap<String, usize>,
}

impl Names {
    /// The index of `name`, adding it at the end if it is new.
    pub(crate) fn intern(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len();
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    pub(crate) fn into_vec(self) -> Vec<String> {
        self.names
    }
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn the_same_name_is_one_entry_in_first_seen_order() {
        let mut names = Names::default();
        assert_eq!(
            [
                names.intern("Ada"),
                names.intern("Borg"),
                names.intern("Ada")
            ],
            [0, 1, 0]
        );
        assert_eq!(names.into_vec(), ["Ada", "Borg"]);
    }
}
