<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>Canvas</name>
    <message numerus="yes">
        <source>Copied %n resource(s).</source>
        <translation>
            <numerusform>Copied %n resource.</numerusform>
            <numerusform>Copied %n resources.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramPage</name>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>%n resource</numerusform>
            <numerusform>%n resources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n implied flow(s), %1 blocked</source>
        <translation>
            <numerusform>%n implied flow, %1 blocked</numerusform>
            <numerusform>%n implied flows, %1 blocked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResourcePage</name>
    <message numerus="yes">
        <source>%n resource(s) selected</source>
        <translation>
            <numerusform>%n resource selected</numerusform>
            <numerusform>%n resources selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeverityCounts</name>
    <message numerus="yes">
        <source>%n error(s): click to list them</source>
        <translation>
            <numerusform>%n error: click to list them</numerusform>
            <numerusform>%n errors: click to list them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): click to list them</source>
        <translation>
            <numerusform>%n warning: click to list them</numerusform>
            <numerusform>%n warnings: click to list them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s): click to list them</source>
        <translation>
            <numerusform>%n note: click to list them</numerusform>
            <numerusform>%n notes: click to list them</numerusform>
        </translation>
    </message>
</context>
</TS>
