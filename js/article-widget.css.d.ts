// The stylesheet has no exports; this lets `import 'article-widget/article-widget.css'`
// type-check under noUncheckedSideEffectImports.
export {};
