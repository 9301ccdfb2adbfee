<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the sources are English, so every other message is shown as
     written; these turn "%n task(s)" into "1 task" and "6 tasks". -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <source>%n task(s) loaded; scroll down for more.</source>
        <translation>
            <numerusform>%n task loaded; scroll down for more.</numerusform>
            <numerusform>%n tasks loaded; scroll down for more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s); that is all.</source>
        <translation>
            <numerusform>%n task; that is all.</numerusform>
            <numerusform>%n tasks; that is all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Exported %n task(s) to %1.</source>
        <translation>
            <numerusform>Exported %n task to %1.</numerusform>
            <numerusform>Exported %n tasks to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
