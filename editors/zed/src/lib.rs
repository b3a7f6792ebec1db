//! A Zed extension that starts `jdlint server` (jdlint's language server, over stdio) for
//! Markdown buffers. jdlint itself is a Python package: install it with
//! `pip install 'jdlint[server]'` so that `jdlint` is on the PATH Zed's worktree sees.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct JdlintExtension;

impl zed::Extension for JdlintExtension {
    fn new() -> Self {
        JdlintExtension
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree.which("jdlint").ok_or_else(|| {
            "jdlint is not on PATH: install it with `pip install 'jdlint[server]'`".to_string()
        })?;
        Ok(zed::Command {
            command,
            args: vec!["server".to_string()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(JdlintExtension);
