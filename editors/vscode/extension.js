// Starts `jdlint server` for markdown files; everything else (diagnostics, quick fixes,
// hover) comes from the language server itself.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("jdlint");
  const [command, ...args] = config.get("command", ["jdlint", "server", "--stdio"]);
  const serverOptions = { command, args };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    initializationOptions: { debounce: config.get("debounce", 300) },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml}"),
    },
  };
  client = new LanguageClient("jdlint", "jdlint", serverOptions, clientOptions);
  client.start().catch((err) => {
    vscode.window.showErrorMessage(
      `jdlint: could not start \`${command} ${args.join(" ")}\` (${err.message}). ` +
        "Install it with: pip install 'jdlint[server]', or set jdlint.command.");
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
