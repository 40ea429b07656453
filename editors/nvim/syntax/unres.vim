" Colours for drafts of United Nations resolutions (filetype unres), one paragraph a line.
" The language server adds diagnostics, hovers and completion; this file only colours.
if exists("b:current_syntax")
  finish
endif

let s:months = 'January\|February\|March\|April\|May\|June\|July\|August\|September\|October\|November\|December'

" Things inside any line: symbols, dates, footnote references.
syn match unresSymbol /\<\u\{1,7}\%(\.\d\+\)\=\%(\/\w\+\%([.-]\w\+\)*\)\+\%(\s(\d\{4})\)\=/
syn match unresSymbol /\%([[:alnum:]/.-]\)\@1<!\%(\%(ES\|S\)-\d\+\/\d\+\|\d\{1,3}\/\d\{1,4}\)\%(\s\u\>\)\=\%([[:alnum:]/]\)\@!/
syn match unresSymbol /\<\d\{1,4}\s(\%(19\|20\)\d\d)/
syn match unresSalesNumber /\<[EFSRAC]\.\d\d\.[IVX]\+\.\w\+\%(\.\d\+\)\=\>/
exe 'syn match unresDate /\<\%([1-9]\|[12]\d\|3[01]\)\s\+\%(' . s:months . '\)\s\+\d\{4}\>/'
syn match unresFootnoteRef /\%(\a[,;:.]\=\)\@2<=\d\{1,3}\%(\d\|\a\|\/\)\@!/
syn match unresFootnoteRef /\[\^[^\]]\+\]\%(:\)\@!/
syn match unresFootnoteRef /[¹²³⁰⁴⁵⁶⁷⁸⁹]\+/
syn cluster unresInline contains=unresSymbol,unresSalesNumber,unresDate,unresFootnoteRef

" Whole lines.
syn match unresExportTrailer /^\s*\%(\[DU\d*\].*\|<<ODS.*\|_\{5,}\|-\{5,}\)$/
syn match unresTitle /^\s*\%(\%(ES\|S\)-\d\+\/\d\+\|\d\{1,3}\/\d\{1,4}\)\%(\s\u\)\=\.\s.*$/ contains=unresSymbol
syn match unresTitle /^\s*Resolution \d\{1,4} (\d\{4})\s*$/
syn match unresOrgan /^\s*The \%(General Assembly\|Security Council\|Economic and Social Council\|Human Rights Council\|Trusteeship Council\),\=\s*$/
syn match unresClosing /^\s*\d\{1,4}\%(st\|nd\|rd\|th\)\s\+plenary\s\+meeting\s*$/
syn match unresHeading /^\s*\%([IVX]\+\|[A-H]\)\.\=\s*$/
syn match unresHeading /^\s*Annex\%(es\)\=\%(\s\+[IVX]\+\)\=\>.*$/ contains=@unresInline

" Footnote texts: "1 Report of …" after the body, or "[^1]: …".
exe 'syn match unresFootnoteText /^\d\{1,3}\s\+\%(\%(' . s:months . '\)\s\+\d\{4}\)\@!\S.*$/ contains=unresFootnoteNumber,@unresInline'
syn match unresFootnoteText /^\[\^[^\]]\+\]:.*$/ contains=unresFootnoteNumber,@unresInline
syn match unresFootnoteNumber /^\d\{1,3}/ contained
syn match unresFootnoteNumber /^\[\^[^\]]\+\]/ contained

" Operative paragraphs: <TAB>12.<TAB>Also requests …
syn match unresOperativeStart /^\s*\d\{1,3}\.\s\+/ contains=unresOperativeNumber nextgroup=unresOperativeOpening
syn match unresOperativeNumber /\d\+/ contained
syn match unresOperativeOpening /\%(\%(Also\|Further\|Once again\)\s\+\)\=\%(\a\+ly\s\+\)\=\a\+s\>\%(\s\+\%(upon\|on\|for\|note\)\>\)\=\%(\s\+\%(also\|further\|again\)\>\)\=/ contained contains=unresMarker

" Subparagraphs: <TAB>(a)<TAB>… and (i).
syn match unresSubparagraphStart /^\s*(\%(\l\{1,2}\|[ivxlc]\+\))\s/ contains=unresSubparagraphLabel
syn match unresSubparagraphLabel /(\l\+)/ contained

" Preambular paragraphs: <TAB>Recalling also …, Deeply concerned …, Further recalling …
syn match unresPreambularStart /^\s\+\ze\%(United\>\)\@!\%(\%(Also\|Further\)\s\+\)\=\%(\a\+ly\s\+\)\=\%(\a\l\+\%(ing\|ed\)\|Aware\|Mindful\|Cognizant\|Conscious\|Desirous\|Anxious\|Confident\)\>/ nextgroup=unresPreambularOpening
syn match unresPreambularOpening /\%(\%(Also\|Further\)\s\+\)\=\%(\a\+ly\s\+\)\=\%(Bearing in mind\|Keeping in mind\|Taking note\|Taking into account\|Having \l\+\|Acting under Chapter [IVX]\+\|\a\l\+\%(ing\|ed\)\|Aware\|Mindful\|Cognizant\|Conscious\|Desirous\|Anxious\|Confident\)\>\%(\s\+\%(also\|further\|again\|in particular\)\>\)\=/ contained contains=unresMarker

syn match unresMarker /\<\%(Also\|Further\|Once again\|also\|further\|again\|in particular\)\>/ contained

hi def link unresSymbol String
hi def link unresSalesNumber Constant
hi def link unresDate Number
hi def link unresFootnoteRef Special
hi def link unresExportTrailer Comment
hi def link unresTitle Title
hi def link unresOrgan Statement
hi def link unresClosing Comment
hi def link unresHeading Title
hi def link unresFootnoteText Comment
hi def link unresFootnoteNumber Number
hi def link unresOperativeNumber Number
hi def link unresOperativeOpening Function
hi def link unresSubparagraphLabel Number
hi def link unresPreambularOpening Type
hi def link unresMarker Keyword
hi def unresPreambularOpening cterm=italic gui=italic

let b:current_syntax = "unres"
