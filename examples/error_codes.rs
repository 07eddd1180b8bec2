//! Prints every error code of the widget with when it is thrown, one a line
//! (`code<TAB>when`), from `Error::CODES`. The package build
//! (`scripts/build-package.sh`) makes the JavaScript list of `isArticleWidgetError` and
//! the TypeScript union `ArticleWidgetErrorCode` from it.

fn main() {
    for (code, when) in article_widget::core::Error::CODES {
        println!("{code}\t{when}");
    }
}
