"""The version, in a module of its own so any module can read it without importing the package."""
__version__ = "0.1.0"
# Where the project lives; rule help links (SARIF helpUri) point into its docs/rules.md.
PROJECT_URL = "https://github.com/your-org/jdlint"
RULES_DOC_URL = PROJECT_URL + "/blob/main/docs/rules.md"
