//! The dependency rules of the app and of xtask (docs/architecture.md), checked on the
//! sources.
//!
//! **The app (`src/`)** is a one-way stack, each layer importing only the layers below it:
//!
//! ```text
//! app.rs  →  pages/  →  components/  →  state/  →  browser/  →  ocop-core
//! ```
//!
//! * nothing imports `app.rs` (the root component, which imports every page) but its own
//!   modules (`app/parts.rs`), nor the crate root's re-exports (`crate::X`: import from the module that defines it);
//! * a component never imports a page; state never imports a component; the browser adapter
//!   imports nothing of the app;
//! * within a layer, files may import each other, but no chain of imports between files
//!   comes back to where it started (a page's parts import its shared pieces, never its
//!   `mod.rs`);
//! * only `src/browser/` touches the browser directly: `web_sys`, `js_sys`, `wasm_bindgen`,
//!   `gloo_*`, or leptos's `window()` and `document()` (which panic where there is no
//!   browser, e.g. when a component is rendered natively), nor leptos's timers
//!   (`set_interval*`, `set_timeout*`, `request_animation_frame`), which call `window()`
//!   unguarded. Leptos's event listeners (`window_event_listener*`) and `leptos::ev` types
//!   are allowed: leptos makes them no-ops off the browser. Exceptions: [`BROWSER_EXCEPTIONS`];
//! * no component function is longer than [`MAX_COMPONENT_LINES`] lines.
//!
//! **xtask** layers its modules `process` ← `install` ← {`fuzz`, `bundle`} ← `site` ← `suite`:
//! each imports only modules of a lower rank ([`XTASK_LAYERS`]); the other modules
//! (`timings`, `csp`, `data`, `icons`, `precache`, `og_image`, `watch`) sit beside the stack
//! and import at most `process`;
//! `main.rs` dispatches and nothing imports it; there are no cycles. Only `process.rs`
//! constructs a `std::process::Command` (exceptions: [`COMMAND_EXCEPTIONS`]).
//!
//! Imports are read from the code with comments and string contents blanked out: `use`
//! trees (`use crate::a::{b, c::D}`), inline paths (`crate::browser::page::reload()`),
//! `super::`/`self::`, and paths through a child module the file declares (`mod nav;` …
//! `nav::CatalogNav`). A path names the deepest module it reaches.

mod common;

use common::{is_ident, repo, Lang, Lexer};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a `#[component]` function may be, from its `fn` line to its closing brace.
const MAX_COMPONENT_LINES: usize = 150;

/// Files outside `src/browser/` allowed to name a browser API, with the token and why.
/// (None today: add `("src/file.rs", "token", "why")` only when going through the adapter
/// would be worse, and say why.)
const BROWSER_EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// What only the browser adapter may name, outside comments and strings.
const BROWSER_TOKENS: &[&str] = &[
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo_",
    "window()",
    "document()",
    // leptos's timers call `window()` unguarded (its event listeners check `is_server()`).
    "set_interval",
    "set_timeout",
    "request_animation_frame",
];

/// xtask's layered modules and their ranks: a module imports only lower ranks.
const XTASK_LAYERS: &[(&str, u8)] = &[
    ("process", 0),
    ("install", 1),
    ("fuzz", 2),
    ("bundle", 2),
    ("site", 3),
    ("suite", 4),
];

/// xtask files allowed to construct a `Command` themselves, how many times, and why.
const COMMAND_EXCEPTIONS: &[(&str, usize, &str)] = &[(
    "install.rs",
    1,
    "`id -u` asks the operating system who runs the command (root may apt-get install); it \
     is not a project tool: it needs neither the tool PATH nor the workspace directory that \
     `process::cmd` sets, and its output is read, not shown as a step of the transcript",
)];

// ---------------------------------------------------------------------------------------
// Reading code: comments and string contents blanked, line breaks kept.

/// `text` with comments and the contents of string and character literals turned into
/// spaces (the quotes stay), so that neither a commented-out import nor a path spelled in a
/// string counts. Line breaks stay, so line numbers stay.
fn code_of(text: &str) -> String {
    Lexer {
        lang: Lang::Rust,
        keep_literals: false,
    }
    .code_of(text)
}

fn line_of(code: &str, index: usize) -> usize {
    code[..index].matches('\n').count() + 1
}

/// Byte offsets of `token` in `code` where it is not the tail of a longer identifier or path.
fn token_positions(code: &str, token: &str) -> Vec<usize> {
    code.match_indices(token)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = code[..i].chars().next_back();
            !before.is_some_and(|b| is_ident(b) || b == ':' || b == '.' || b == '$')
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Imports.

/// The paths of a `use` tree or inline path starting at `i` (just after `crate::` or the
/// like): `a::b::{c, d::e}` gives `[a, b, c]` and `[a, b, d, e]`.
fn path_tree(c: &[char], mut i: usize) -> Vec<Vec<String>> {
    let skip_ws = |i: &mut usize| {
        while *i < c.len() && c[*i].is_whitespace() {
            *i += 1;
        }
    };
    let mut prefix = Vec::new();
    loop {
        skip_ws(&mut i);
        match c.get(i) {
            Some('{') => {
                i += 1;
                let mut all = Vec::new();
                loop {
                    skip_ws(&mut i);
                    match c.get(i) {
                        Some('}') | None => break,
                        Some(',') => i += 1,
                        _ => {
                            let end = group_item_end(c, i);
                            for tail in path_tree(&c[..end], i) {
                                let mut full = prefix.clone();
                                full.extend(tail);
                                all.push(full);
                            }
                            i = end;
                        }
                    }
                }
                return all;
            }
            Some(&ch) if is_ident(ch) || ch == '*' => {
                let start = i;
                while i < c.len() && (is_ident(c[i]) || c[i] == '*') {
                    i += 1;
                }
                prefix.push(c[start..i].iter().collect());
                skip_ws(&mut i);
                if c.get(i) == Some(&':') && c.get(i + 1) == Some(&':') {
                    i += 2;
                } else {
                    return vec![prefix];
                }
            }
            _ => return vec![prefix],
        }
    }
}

/// The end of one item of a `{…}` group starting at `i`: the next `,` or `}` at its level.
fn group_item_end(c: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < c.len() {
        match c[i] {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            ',' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// How many inline modules (`mod tests { … }`) enclose each byte of `code`.
fn inline_module_depths(code: &str) -> Vec<usize> {
    let bytes = code.as_bytes();
    let mut depths = vec![0; code.len() + 1];
    // One entry per open brace: whether it opened an inline module.
    let mut braces: Vec<bool> = Vec::new();
    let mut depth = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'{' {
            let before = code[..i].trim_end();
            let keyword = before.trim_end_matches(is_ident);
            let named = keyword.len() < before.len();
            let keyword = keyword.trim_end();
            let opens_module = named
                && keyword
                    .strip_suffix("mod")
                    .is_some_and(|rest| !rest.chars().next_back().is_some_and(is_ident));
            braces.push(opens_module);
            if opens_module {
                depth += 1;
            }
        } else if b == b'}' && braces.pop() == Some(true) {
            depth -= 1;
        }
        depths[i] = depth;
    }
    depths
}

/// A module by its path from the crate root (`["pages", "catalog", "nav"]`; `[]` is the root).
type ModPath = Vec<String>;

/// One import: the file's line, and the module path the import names.
#[derive(Debug, Clone, PartialEq)]
struct Import {
    line: usize,
    written: String,
    target: ModPath,
}

/// Every module a file's code imports. `own` is the file's module path; `modules` all the
/// crate's modules (to find the deepest module a path reaches).
fn imports_of(code: &str, own: &ModPath, modules: &BTreeSet<ModPath>) -> Vec<Import> {
    let chars: Vec<char> = code.chars().collect();
    // Char index ↔ byte offset (the code may hold non-ASCII in identifiers' neighbourhood).
    let byte_of: Vec<usize> = code.char_indices().map(|(b, _)| b).chain([code.len()]).collect();
    let char_at = |byte: usize| byte_of.binary_search(&byte).unwrap();
    let depths = inline_module_depths(code);
    let children: Vec<String> = declared_modules(code);
    let mut found = Vec::new();
    let mut roots: Vec<(usize, String)> = Vec::new();
    for root in ["crate::", "super::", "self::"] {
        roots.extend(
            token_positions(code, root)
                .into_iter()
                .map(|i| (i, root.to_string())),
        );
    }
    for child in &children {
        let token = format!("{child}::");
        roots.extend(
            token_positions(code, &token)
                .into_iter()
                .map(|i| (i, String::new())),
        );
    }
    for (byte, root) in roots {
        let start = char_at(byte + root.len());
        for path in path_tree(&chars, start) {
            let mut base: ModPath = match root.as_str() {
                "crate::" => Vec::new(),
                _ => own.clone(),
            };
            let mut rest = path.as_slice();
            if root == "super::" {
                // Inside an inline module, the first `super` only leaves that module.
                let mut ups = 1 + rest.iter().take_while(|s| *s == "super").count();
                rest = &rest[ups - 1..];
                ups = ups.saturating_sub(depths[byte]);
                for _ in 0..ups {
                    base.pop();
                }
            }
            let rest: Vec<String> = rest.iter().filter(|s| *s != "self").cloned().collect();
            let mut full = base.clone();
            full.extend(rest);
            let mut target = full.clone();
            while !target.is_empty() && !modules.contains(&target) && target[0] != "i18n" {
                target.pop();
            }
            if target.first().is_some_and(|s| s == "i18n") {
                target.truncate(1);
            }
            found.push(Import {
                line: line_of(code, byte),
                written: format!("{root}{}", path.join("::")),
                target,
            });
        }
    }
    found.sort_by_key(|i| i.line);
    found
}

/// The child modules a file declares in other files (`mod nav;`, `pub mod nav;`).
fn declared_modules(code: &str) -> Vec<String> {
    code.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub(crate) mod ")
                .or_else(|| line.strip_prefix("pub mod "))
                .or_else(|| line.strip_prefix("mod "))?;
            let name = rest.strip_suffix(';')?.trim();
            name.chars().all(is_ident).then(|| name.to_string())
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// A crate's files as modules.

struct Crate {
    /// Module path → file, relative to the crate's `src/`.
    files: BTreeMap<ModPath, PathBuf>,
    /// File → its code (comments and strings blanked).
    code: BTreeMap<PathBuf, String>,
}

impl Crate {
    /// The crate in `src`; `root` is the crate root file (`lib.rs` or `main.rs`). Other
    /// crate roots (a binary beside a library) are read as files but are not modules.
    fn read(src: &Path, root: &str) -> Crate {
        let paths = common::files(src, Lang::Rust);
        let mut files = BTreeMap::new();
        let mut code = BTreeMap::new();
        for path in paths {
            let rel = path.strip_prefix(src).unwrap().to_path_buf();
            let source = std::fs::read_to_string(&path).unwrap();
            code.insert(rel.clone(), code_of(&source));
            let name = rel.to_string_lossy().replace('\\', "/");
            let module: ModPath = if name == root {
                Vec::new()
            } else if name == "main.rs" || name == "lib.rs" {
                continue;
            } else {
                let stem = name.strip_suffix(".rs").unwrap();
                let stem = stem.strip_suffix("/mod").unwrap_or(stem);
                stem.split('/').map(String::from).collect()
            };
            files.insert(module, rel);
        }
        Crate { files, code }
    }

    fn module_of(&self, file: &Path) -> Option<&ModPath> {
        self.files
            .iter()
            .find(|(_, f)| f.as_path() == file)
            .map(|(m, _)| m)
    }

    /// Every file's imports, by file.
    fn imports(&self) -> BTreeMap<PathBuf, Vec<Import>> {
        let modules: BTreeSet<ModPath> = self.files.keys().cloned().collect();
        self.files
            .iter()
            .map(|(module, file)| (file.clone(), imports_of(&self.code[file], module, &modules)))
            .collect()
    }

    /// Import cycles between files, each as the files in it.
    fn cycles(&self) -> Vec<Vec<String>> {
        let imports = self.imports();
        let mut graph: BTreeMap<&Path, BTreeSet<&Path>> = BTreeMap::new();
        for (file, list) in &imports {
            let edges = graph.entry(file.as_path()).or_default();
            for import in list {
                if let Some(target) = self.files.get(&import.target) {
                    if target != file {
                        edges.insert(target.as_path());
                    }
                }
            }
        }
        strongly_connected(&graph)
            .into_iter()
            .filter(|component| component.len() > 1)
            .map(|component| component.iter().map(|p| p.display().to_string()).collect())
            .collect()
    }
}

/// Tarjan's strongly connected components.
fn strongly_connected<'a>(graph: &BTreeMap<&'a Path, BTreeSet<&'a Path>>) -> Vec<Vec<&'a Path>> {
    struct State<'a> {
        index: BTreeMap<&'a Path, usize>,
        low: BTreeMap<&'a Path, usize>,
        stack: Vec<&'a Path>,
        on_stack: BTreeSet<&'a Path>,
        out: Vec<Vec<&'a Path>>,
    }
    fn visit<'a>(node: &'a Path, graph: &BTreeMap<&'a Path, BTreeSet<&'a Path>>, s: &mut State<'a>) {
        let n = s.index.len();
        s.index.insert(node, n);
        s.low.insert(node, n);
        s.stack.push(node);
        s.on_stack.insert(node);
        for &next in graph.get(node).into_iter().flatten() {
            if !s.index.contains_key(next) {
                visit(next, graph, s);
                let low = s.low[node].min(s.low[next]);
                s.low.insert(node, low);
            } else if s.on_stack.contains(next) {
                let low = s.low[node].min(s.index[next]);
                s.low.insert(node, low);
            }
        }
        if s.low[node] == s.index[node] {
            let mut component = Vec::new();
            while let Some(top) = s.stack.pop() {
                s.on_stack.remove(top);
                component.push(top);
                if top == node {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for &node in graph.keys() {
        if !s.index.contains_key(node) {
            visit(node, graph, &mut s);
        }
    }
    s.out
}

// ---------------------------------------------------------------------------------------
// The app's rules.

/// The app's layers, bottom first; the generated `i18n` module sits below them all.
fn app_layer(module: &ModPath) -> Option<(u8, &'static str)> {
    match module.first().map(String::as_str) {
        Some("i18n") => Some((0, "i18n")),
        Some("browser") => Some((1, "the browser adapter")),
        Some("state") => Some((2, "app state")),
        Some("components") => Some((3, "a component")),
        Some("pages") => Some((4, "a page")),
        Some("app") => Some((5, "app.rs")),
        _ => None,
    }
}

/// Every broken layering rule in the app crate at `src`, as `file:line: message`.
fn app_layering_problems(src: &Path) -> Vec<String> {
    let krate = Crate::read(src, "lib.rs");
    let mut problems = Vec::new();
    for (file, imports) in krate.imports() {
        let module = krate.module_of(&file).unwrap().clone();
        if module.is_empty() {
            // lib.rs declares the modules and re-exports `App` for main.rs: it is the one
            // place that names app.rs.
            continue;
        }
        let (from_rank, from_name) = app_layer(&module).unwrap_or((u8::MAX, "?"));
        for import in imports {
            let at = format!("{}:{}: `{}`", file.display(), import.line, import.written);
            if import.target.is_empty() {
                problems.push(format!(
                    "{at} imports the crate root's re-exports: import from the module that defines it"
                ));
                continue;
            }
            let Some((to_rank, to_name)) = app_layer(&import.target) else {
                continue;
            };
            // The root and its own modules (`app/parts.rs`) are one layer.
            if import.target.first().is_some_and(|m| m == "app") && from_name != "app.rs" {
                problems.push(format!("{at} imports app.rs: nothing imports the app root"));
            } else if from_name == "a component" && to_name == "a page" {
                problems.push(format!("{at}: a component imports a page"));
            } else if to_rank > from_rank {
                problems.push(format!(
                    "{at}: {from_name} imports {to_name} (imports go down the stack: pages → components → state → browser)"
                ));
            }
        }
    }
    for cycle in krate.cycles() {
        problems.push(format!("import cycle between {}", cycle.join(", ")));
    }
    problems
}

/// Every use of a browser API outside `src/browser/`, as `file:line: token`.
fn browser_api_problems(src: &Path) -> Vec<String> {
    let krate = Crate::read(src, "lib.rs");
    let mut problems = Vec::new();
    for (file, code) in &krate.code {
        let name = format!("src/{}", file.display());
        if name.starts_with("src/browser/") {
            continue;
        }
        for token in BROWSER_TOKENS {
            if BROWSER_EXCEPTIONS
                .iter()
                .any(|(f, t, _)| *f == name && t == token)
            {
                continue;
            }
            // `leptos::prelude::window()` and `ev.document()` count too.
            let at_word = code
                .match_indices(token)
                .map(|(i, _)| i)
                .filter(|&i| !code[..i].chars().next_back().is_some_and(is_ident));
            for at in at_word {
                problems.push(format!(
                    "{name}:{}: `{token}` outside the browser adapter (src/browser/)",
                    line_of(code, at)
                ));
            }
        }
    }
    problems
}

/// Component functions longer than [`MAX_COMPONENT_LINES`], as `file:line: Name (N lines)`.
fn long_components(src: &Path) -> Vec<String> {
    let krate = Crate::read(src, "lib.rs");
    let mut found = Vec::new();
    for (file, code) in &krate.code {
        for attr in token_positions(code, "#[component") {
            let Some(fn_at) = code[attr..].find("fn ").map(|i| attr + i) else {
                continue;
            };
            let name: String = code[fn_at + 3..].chars().take_while(|&c| is_ident(c)).collect();
            let Some(open) = body_start(code, fn_at) else {
                continue;
            };
            let close = matching_brace(code, open);
            let lines = line_of(code, close) - line_of(code, fn_at) + 1;
            if lines > MAX_COMPONENT_LINES {
                found.push(format!(
                    "src/{}:{}: {name} ({lines} lines)",
                    file.display(),
                    line_of(code, fn_at)
                ));
            }
        }
    }
    found
}

/// The `{` that opens the body of the function whose `fn` is at `fn_at`.
fn body_start(code: &str, fn_at: usize) -> Option<usize> {
    let mut parens = 0i32;
    for (i, ch) in code[fn_at..].char_indices() {
        match ch {
            '(' | '<' | '[' => parens += 1,
            ')' | ']' => parens -= 1,
            // `->` is not a closing angle bracket.
            '>' if !code[..fn_at + i].ends_with('-') => parens -= 1,
            '{' if parens == 0 => return Some(fn_at + i),
            _ => {}
        }
    }
    None
}

fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, ch) in code[open..].char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    code.len()
}

// ---------------------------------------------------------------------------------------
// xtask's rules.

/// Every broken layering rule of xtask's modules at `src`, as `file:line: message`.
fn xtask_layering_problems(src: &Path) -> Vec<String> {
    let krate = Crate::read(src, "main.rs");
    let rank = |module: &ModPath| -> Option<u8> {
        let name = module.first()?;
        XTASK_LAYERS.iter().find(|(m, _)| m == name).map(|(_, r)| *r)
    };
    let mut problems = Vec::new();
    for (file, imports) in krate.imports() {
        let module = krate.module_of(&file).unwrap().clone();
        if module.is_empty() {
            continue; // main.rs dispatches to every command.
        }
        for import in imports {
            if import.target == module {
                continue;
            }
            let at = format!("{}:{}: `{}`", file.display(), import.line, import.written);
            let target = import.target.first().cloned().unwrap_or_default();
            if import.target.is_empty() {
                problems.push(format!(
                    "{at} imports main.rs: nothing imports the command dispatcher"
                ));
            } else if let Some(from) = rank(&module) {
                if rank(&import.target).is_some_and(|to| to >= from) {
                    problems.push(format!(
                        "{at}: {} (rank {from}) imports {target}, which is not below it (process ← install ← fuzz, bundle ← site ← suite)",
                        module[0]
                    ));
                }
            } else if target != "process" {
                problems.push(format!(
                    "{at}: {} sits beside the stack and may import only process, not {target}",
                    module[0]
                ));
            }
        }
    }
    for cycle in krate.cycles() {
        problems.push(format!("import cycle between {}", cycle.join(", ")));
    }
    problems
}

/// Every `Command` constructed outside `process.rs` beyond the allowed exceptions.
fn command_problems(src: &Path) -> Vec<String> {
    let krate = Crate::read(src, "main.rs");
    let mut problems = Vec::new();
    for (file, code) in &krate.code {
        let name = file.display().to_string();
        if name == "process.rs" {
            continue;
        }
        let found: Vec<usize> = code
            .match_indices("Command::new")
            .map(|(i, _)| line_of(code, i))
            .collect();
        let allowed = COMMAND_EXCEPTIONS
            .iter()
            .find(|(f, _, _)| *f == name)
            .map_or(0, |(_, n, _)| *n);
        if found.len() > allowed {
            problems.push(format!(
                "{name}: constructs std::process::Command at line(s) {found:?}; only process.rs does (use process::cmd)"
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------
// The tests.

#[test]
fn the_app_is_a_one_way_stack() {
    let src = repo().join("src");
    let krate = Crate::read(&src, "lib.rs");
    assert!(
        krate.files.len() > 30,
        "the scan found the sources ({} modules)",
        krate.files.len()
    );
    assert_eq!(app_layering_problems(&src), Vec::<String>::new());
}

#[test]
fn only_the_browser_adapter_touches_the_browser() {
    for (file, token, why) in BROWSER_EXCEPTIONS {
        assert!(!why.is_empty(), "{file}: say why `{token}` is allowed");
    }
    assert_eq!(browser_api_problems(&repo().join("src")), Vec::<String>::new());
}

#[test]
fn no_component_function_is_a_monolith() {
    assert_eq!(long_components(&repo().join("src")), Vec::<String>::new());
}

#[test]
fn xtask_modules_import_only_downward() {
    let src = repo().join("xtask/src");
    let krate = Crate::read(&src, "main.rs");
    for (module, _) in XTASK_LAYERS {
        assert!(
            krate.files.contains_key(&vec![module.to_string()]),
            "xtask/src/{module}.rs exists"
        );
    }
    assert_eq!(xtask_layering_problems(&src), Vec::<String>::new());
}

#[test]
fn only_process_rs_constructs_commands() {
    assert_eq!(command_problems(&repo().join("xtask/src")), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------
// The rules catch what they are for: small source trees written to a temporary directory.

struct Tree(PathBuf);

impl Tree {
    fn new(name: &str, files: &[(&str, &str)]) -> Tree {
        let dir = std::env::temp_dir().join(format!("ocop-architecture-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Tree(dir)
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const APP_ROOT: (&str, &str) = (
    "lib.rs",
    "mod app; pub mod browser; pub mod components; mod pages; pub mod state;\npub use app::App;\n",
);

#[test]
fn the_app_rules_catch_what_they_are_for() {
    let tree = Tree::new(
        "app",
        &[
            APP_ROOT,
            ("app.rs", "mod parts;\nuse crate::pages::catalog::Catalog;\nuse parts::map_page;\n"),
            ("app/parts.rs", "pub fn map_page() {}\n"),
            ("browser/mod.rs", "pub mod page;\n"),
            ("browser/page.rs", "pub fn path() -> String { web_sys::window().unwrap(); String::new() }\n"),
            (
                "state/mod.rs",
                "use crate::browser::page;\n// use crate::pages::x; in a comment is fine\nfn g() { crate::app::App(); }\n",
            ),
            ("components/mod.rs", "pub mod card;\n"),
            (
                "components/card.rs",
                "use crate::{state, pages::catalog::nav::Nav};\nfn f() { let s = \"crate::app::App\"; }\n",
            ),
            ("pages/mod.rs", "pub mod about;\npub mod catalog;\n"),
            ("pages/about.rs", "fn h() { crate::app::parts::map_page(); }\n"),
            ("pages/catalog/mod.rs", "mod nav;\nuse nav::Nav;\npub fn Catalog() {}\n"),
            (
                "pages/catalog/nav.rs",
                "use super::Catalog;\nuse crate::App;\nfn g() { let _ = window(); leptos::prelude::document(); }\n",
            ),
        ],
    );
    let problems = app_layering_problems(&tree.0);
    let expected = [
        "components/card.rs:1: `crate::pages::catalog::nav::Nav`: a component imports a page",
        "pages/catalog/nav.rs:2: `crate::App` imports the crate root's re-exports",
        "state/mod.rs:3: `crate::app::App` imports app.rs",
        "pages/about.rs:1: `crate::app::parts::map_page` imports app.rs",
        "import cycle between pages/catalog/mod.rs, pages/catalog/nav.rs",
    ];
    for wanted in expected {
        assert!(
            problems.iter().any(|p| p.starts_with(wanted)),
            "{wanted}\nnot in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    assert_eq!(
        browser_api_problems(&tree.0),
        [
            "src/pages/catalog/nav.rs:3: `window()` outside the browser adapter (src/browser/)",
            "src/pages/catalog/nav.rs:3: `document()` outside the browser adapter (src/browser/)"
        ]
    );
}

#[test]
fn state_importing_a_component_is_caught() {
    let tree = Tree::new(
        "upward",
        &[
            APP_ROOT,
            (
                "state/mod.rs",
                "pub fn f() { crate::components::card::Card(); }\n",
            ),
            ("components/mod.rs", "pub mod card;\n"),
            (
                "components/card.rs",
                "#[component]\npub fn Card() -> impl IntoView {\n    view! { <p>\"}\"</p> }\n}\n",
            ),
        ],
    );
    assert_eq!(
        app_layering_problems(&tree.0),
        ["state/mod.rs:1: `crate::components::card::Card`: app state imports a component (imports go down the stack: pages → components → state → browser)"]
    );
    assert_eq!(long_components(&tree.0), Vec::<String>::new());
}

#[test]
fn a_long_component_is_caught() {
    let body = "    let x = 1;\n".repeat(MAX_COMPONENT_LINES);
    let source = format!("#[component]\npub fn Big(a: Vec<u8>) -> impl IntoView {{\n{body}}}\n");
    let tree = Tree::new("long", &[APP_ROOT, ("components/mod.rs", &source)]);
    assert_eq!(
        long_components(&tree.0),
        [format!(
            "src/components/mod.rs:2: Big ({} lines)",
            MAX_COMPONENT_LINES + 2
        )]
    );
}

#[test]
fn the_xtask_rules_catch_what_they_are_for() {
    let tree = Tree::new(
        "xtask",
        &[
            (
                "main.rs",
                "mod fuzz; mod install; mod process; mod suite; mod timings;\nfn main() { suite::run(); }\n",
            ),
            (
                "process.rs",
                "use std::process::Command;\npub fn cmd() -> Command { Command::new(\"x\") }\n",
            ),
            (
                "install.rs",
                "pub fn is_root() -> bool { std::process::Command::new(\"id\"); true }\n",
            ),
            (
                "fuzz.rs",
                "use crate::install;\nuse crate::suite::Layer;\nfn f() { Command::new(\"rustup\"); }\n\
                 #[cfg(test)]\nmod tests {\n    use super::f;\n}\n",
            ),
            ("suite.rs", "use crate::{fuzz, process::cmd, timings};\n"),
            (
                "timings.rs",
                "use crate::process::Step;\nuse crate::install::x;\n",
            ),
        ],
    );
    let problems = xtask_layering_problems(&tree.0);
    let expected = [
        "fuzz.rs:2: `crate::suite::Layer`: fuzz (rank 2) imports suite, which is not below it",
        "timings.rs:2: `crate::install::x`: timings sits beside the stack and may import only process",
        "import cycle between fuzz.rs, suite.rs",
    ];
    for wanted in expected {
        assert!(
            problems.iter().any(|p| p.starts_with(wanted)),
            "{wanted}\nnot in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    assert_eq!(
        command_problems(&tree.0),
        ["fuzz.rs: constructs std::process::Command at line(s) [3]; only process.rs does (use process::cmd)"]
    );
}

#[test]
fn code_of_blanks_comments_and_strings_but_keeps_lines() {
    let source = "let a = \"crate::app\"; // crate::pages\nlet b = r#\"web_sys\"#; let c = '\"';\n/* web_sys\n */ fn f<'a>() {}\n";
    let code = code_of(source);
    assert_eq!(code.lines().count(), source.lines().count());
    assert!(!code.contains("crate::"), "{code}");
    assert!(!code.contains("web_sys"), "{code}");
    assert!(code.contains("fn f<'a>() {}"), "{code}");
}
