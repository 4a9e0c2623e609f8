<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
