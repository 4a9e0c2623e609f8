<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<!-- English plural forms of Annotator's plural messages, hand-written: the pinned lupdate
     (PySide6 6.11) does not see translate(context, text, None, n) calls and drops them from
     annotator_en.ts. Loaded as the "qt" catalogue; lupdate never touches this file. -->
<context>
    <name>AnnotationController</name>
    <message numerus="yes">
        <source>Relabel %n spans as {label}</source>
        <translation>
            <numerusform>Relabel %n span as {label}</numerusform>
            <numerusform>Relabel %n spans as {label}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>Imported %n document(s), {skipped} already there</source>
        <translation>
            <numerusform>Imported %n document, {skipped} already there</numerusform>
            <numerusform>Imported %n documents, {skipped} already there</numerusform>
        </translation>
    </message>
</context>
</TS>
