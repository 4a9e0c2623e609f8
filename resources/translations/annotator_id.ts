<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Dokumen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Impor berkas…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Impor &amp;folder…</translation>
    </message>
    <message>
        <source>Import &amp;with options…</source>
        <translation>Impor &amp;dengan opsi…</translation>
    </message>
    <message>
        <source>Annotator &amp;name…</source>
        <translation>&amp;Nama anotator…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Delete selected spans</source>
        <translation>&amp;Hapus rentang terpilih</translation>
    </message>
    <message>
        <source>Grow span at its start</source>
        <translation>Perluas rentang di awalnya</translation>
    </message>
    <message>
        <source>Grow span at its end</source>
        <translation>Perluas rentang di akhirnya</translation>
    </message>
    <message>
        <source>Shrink span at its start</source>
        <translation>Persempit rentang di awalnya</translation>
    </message>
    <message>
        <source>Shrink span at its end</source>
        <translation>Persempit rentang di akhirnya</translation>
    </message>
    <message>
        <source>Select next span</source>
        <translation>Pilih rentang berikutnya</translation>
    </message>
    <message>
        <source>Select previous span</source>
        <translation>Pilih rentang sebelumnya</translation>
    </message>
    <message>
        <source>Clear span selection</source>
        <translation>Kosongkan pilihan rentang</translation>
    </message>
    <message>
        <source>&amp;Character mode (no word snapping)</source>
        <translation>&amp;Mode karakter (tanpa penyesuaian ke kata)</translation>
    </message>
    <message>
        <source>Mark &amp;done, go to next</source>
        <translation>Tandai &amp;selesai, lanjut ke berikutnya</translation>
    </message>
    <message>
        <source>Mark &amp;skipped, go to next</source>
        <translation>Tandai &amp;dilewati, lanjut ke berikutnya</translation>
    </message>
    <message>
        <source>&amp;Next unfinished</source>
        <translation>&amp;Lanjut ke yang belum selesai</translation>
    </message>
    <message>
        <source>&amp;Previous unfinished</source>
        <translation>&amp;Kembali ke yang belum selesai</translation>
    </message>
    <message>
        <source>&amp;Search documents</source>
        <translation>&amp;Cari dokumen</translation>
    </message>
    <message>
        <source>Focus the &amp;text</source>
        <translation>Fokus ke &amp;teks</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Teks &amp;lebih besar</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>Teks lebih &amp;kecil</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Ukuran teks &amp;normal</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Rentang</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>dikerjakan</translation>
    </message>
    <message>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Awal</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Akhir</translation>
    </message>
    <message>
        <source>Label and link the best &amp;known name</source>
        <translation>Labeli dan tautkan nama &amp;dikenal terbaik</translation>
    </message>
    <message>
        <source>Ne&amp;xt suggestion</source>
        <translation>Saran &amp;berikutnya</translation>
    </message>
    <message>
        <source>Pre&amp;vious suggestion</source>
        <translation>Saran &amp;sebelumnya</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>&amp;Terima saran</translation>
    </message>
    <message>
        <source>&amp;Reject suggestion</source>
        <translation>T&amp;olak saran</translation>
    </message>
    <message>
        <source>Accept all of this &amp;label</source>
        <translation>Terima semua dengan l&amp;abel ini</translation>
    </message>
    <message>
        <source>Accept all of this &amp;entity</source>
        <translation>Terima semua untuk &amp;entitas ini</translation>
    </message>
    <message>
        <source>Label all occurrences in this &amp;document</source>
        <translation>Labeli semua kemunculan di &amp;dokumen ini</translation>
    </message>
    <message>
        <source>Label all occurrences in the &amp;project</source>
        <translation>Labeli semua kemunculan di seluruh &amp;proyek</translation>
    </message>
    <message>
        <source>Pre-&amp;annotate this document</source>
        <translation>Pra-&amp;anotasi dokumen ini</translation>
    </message>
    <message>
        <source>Pre-annotate &amp;all documents…</source>
        <translation>Pra-anotasi se&amp;mua dokumen…</translation>
    </message>
    <message>
        <source>Native JSONL: everything (spans, entity links, events, relations, notes)</source>
        <translation>JSONL bawaan: semuanya (rentang, tautan entitas, peristiwa, relasi, catatan)</translation>
    </message>
    <message>
        <source>doccano JSONL: text and [start, end, label] (entities and relations form)</source>
        <translation>JSONL doccano: teks dan [start, end, label] (bentuk entitas dan relasi)</translation>
    </message>
    <message>
        <source>spaCy JSONL: character offsets that Doc.char_span accepts</source>
        <translation>JSONL spaCy: posisi karakter yang diterima Doc.char_span</translation>
    </message>
    <message>
        <source>spaCy DocBin (.spacy) for spacy train, a folder of them past 2,000 documents; needs spaCy installed</source>
        <translation>spaCy DocBin (.spacy) untuk spacy train, berupa folder berisi beberapa berkas bila lebih dari 2.000 dokumen; spaCy harus terpasang</translation>
    </message>
    <message>
        <source>Prodigy JSONL: text, tokens and spans (token_end inclusive)</source>
        <translation>JSONL Prodigy: teks, token, dan rentang (token_end inklusif)</translation>
    </message>
    <message>
        <source>CoNLL-2003 IOB2, a token a line; overlapping spans cannot be carried</source>
        <translation>CoNLL-2003 IOB2, satu token per baris; rentang tumpang-tindih tidak terbawa</translation>
    </message>
    <message>
        <source>brat standoff: a folder of .txt and .ann files with annotation.conf</source>
        <translation>brat standoff: folder berisi berkas .txt dan .ann beserta annotation.conf</translation>
    </message>
    <message>
        <source>Label Studio JSON tasks with results and relations</source>
        <translation>Tugas JSON Label Studio beserta hasil dan relasi</translation>
    </message>
    <message>
        <source>Inline tags in the text, one document a line; no overlaps</source>
        <translation>Tag sebaris di dalam teks, satu dokumen per baris; tanpa tumpang-tindih</translation>
    </message>
    <message>
        <source>Indonesian news entities: persons, organisations, places, dates, titles and ranks</source>
        <translation>Entitas berita Indonesia: orang, organisasi, tempat, tanggal, jabatan, dan pangkat</translation>
    </message>
    <message>
        <source>Press-release events: the entities plus events, their roles, and relations</source>
        <translation>Peristiwa siaran pers: entitas di atas ditambah peristiwa, perannya, dan relasi</translation>
    </message>
    <message>
        <source>Blank: no labels yet (add them in Label ▸ Edit schema)</source>
        <translation>Kosong: belum ada label (tambahkan di Label ▸ Sunting skema)</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Annotator</source>
        <translation>Tentang Annotator</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Folder log</translation>
    </message>
    <message>
        <source>Label Indonesian news and press releases as training data.</source>
        <translation>Labeli berita dan siaran pers berbahasa Indonesia sebagai data latih.</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>Nothing to label: the selection is only white space</source>
        <translation>Tidak ada yang dilabeli: pilihan hanya berisi spasi</translation>
    </message>
    <message>
        <source>Select some text (or a span) first</source>
        <translation>Pilih teks (atau rentang) terlebih dahulu</translation>
    </message>
</context>
<context>
    <name>AnnotatorName</name>
    <message>
        <source>Who is annotating?</source>
        <translation>Siapa yang menganotasi?</translation>
    </message>
    <message>
        <source>Your name is recorded on every span you make:</source>
        <translation>Nama Anda dicatat pada setiap rentang yang Anda buat:</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing yet</source>
        <translation>Belum ada data</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Tidak diubah: {reason}</translation>
    </message>
    <message>
        <source>Not saved, nothing changed: {error}</source>
        <translation>Tidak tersimpan, tidak ada yang berubah: {error}</translation>
    </message>
    <message>
        <source>Could not undo or redo: {error}</source>
        <translation>Tidak dapat mengurungkan atau mengulangi: {error}</translation>
    </message>
</context>
<context>
    <name>DocumentFilters</name>
    <message>
        <source>Anyone</source>
        <translation>Siapa saja</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Semua sumber</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Antara</translation>
    </message>
    <message>
        <source>No document of this project has a publication date</source>
        <translation>Tidak ada dokumen di proyek ini yang punya tanggal terbit</translation>
    </message>
    <message>
        <source>and</source>
        <translation>dan</translation>
    </message>
    <message>
        <source>Annotated by</source>
        <translation>Dianotasi oleh</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Search titles and text…</source>
        <translation>Cari judul dan teks…</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Label apa saja</translation>
    </message>
    <message>
        <source>has {label}</source>
        <translation>berisi {label}</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>nearly repeats {documents}</source>
        <translation>hampir sama dengan {documents}</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Tidak ada dokumen yang terbuka</translation>
    </message>
    <message>
        <source>Import articles with File ▸ Import or drop files here.</source>
        <translation>Impor artikel lewat Berkas ▸ Impor atau seret berkas ke sini.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(tanpa judul)</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Select a span to see its entity</source>
        <translation>Pilih rentang untuk melihat entitasnya</translation>
    </message>
    <message>
        <source>{0}  (seen {1}×)</source>
        <translation>{0}  (terlihat {1}×)</translation>
    </message>
    <message>
        <source>Occurs {0} times in the project</source>
        <translation>Muncul {0} kali dalam proyek</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
        <source>Something went wrong: {what}</source>
        <translation>Terjadi masalah: {what}</translation>
    </message>
    <message>
        <source>Your annotations are safe: every edit was saved when you made it. You can keep working. The details are in the log:
{path}</source>
        <translation>Anotasi Anda aman: setiap perubahan langsung disimpan saat dibuat. Anda dapat terus bekerja. Rinciannya ada di log:
{path}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Annotator cannot open the database {where}.</source>
        <translation>Annotator tidak dapat membuka basis data {where}.</translation>
    </message>
</context>
<context>
    <name>EventController</name>
    <message>
        <source>Add %1 event</source>
        <translation>Tambah peristiwa %1</translation>
    </message>
    <message>
        <source>Select one span (or some text) as the trigger first</source>
        <translation>Pilih satu rentang (atau teks) sebagai pemicu terlebih dahulu</translation>
    </message>
    <message>
        <source>No current event: make one with its key, or pick one in the list</source>
        <translation>Tidak ada peristiwa aktif: buat dengan tombolnya, atau pilih di daftar</translation>
    </message>
    <message>
        <source>%1 has no role on this key</source>
        <translation>%1 tidak memiliki peran pada tombol ini</translation>
    </message>
    <message>
        <source>The event already has as many %1 as it may</source>
        <translation>Peristiwa ini sudah memiliki %1 sebanyak yang diizinkan</translation>
    </message>
    <message>
        <source>Add %1 argument</source>
        <translation>Tambah argumen %1</translation>
    </message>
    <message>
        <source>Select a span (or some text) to attach first</source>
        <translation>Pilih rentang (atau teks) yang akan dilampirkan terlebih dahulu</translation>
    </message>
    <message>
        <source>Select the head span of the relation first</source>
        <translation>Pilih rentang kepala relasi terlebih dahulu</translation>
    </message>
    <message>
        <source>%1: now click the tail span (or select it and press Ctrl+R)</source>
        <translation>%1: sekarang klik rentang ekor (atau pilih lalu tekan Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>missing: </source>
        <translation>kurang: </translation>
    </message>
    <message>
        <source>Required roles not filled: </source>
        <translation>Peran wajib yang belum diisi: </translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relasi</translation>
    </message>
    <message>
        <source>No events yet: select a trigger, press its key</source>
        <translation>Belum ada peristiwa: pilih pemicu, tekan tombolnya</translation>
    </message>
</context>
<context>
    <name>EventsUI</name>
    <message>
        <source>Events</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>&amp;Peristiwa</translation>
    </message>
    <message>
        <source>&amp;Relation from the selected span…</source>
        <translation>&amp;Relasi dari rentang terpilih…</translation>
    </message>
    <message>
        <source>Show &amp;links</source>
        <translation>Tampilkan &amp;tautan</translation>
    </message>
    <message>
        <source>Edit &amp;note</source>
        <translation>Sunting &amp;catatan</translation>
    </message>
    <message>
        <source>&amp;Find in notes</source>
        <translation>C&amp;ari di catatan</translation>
    </message>
    <message>
        <source>Edit &amp;schema…</source>
        <translation>Sunting &amp;skema…</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistik</translation>
    </message>
    <message>
        <source>New %1 event</source>
        <translation>Peristiwa %1 baru</translation>
    </message>
    <message>
        <source>Attach as %1</source>
        <translation>Lampirkan sebagai %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>{documents} documents, {spans} spans written to {path}</source>
        <translation>{documents} dokumen, {spans} rentang ditulis ke {path}</translation>
    </message>
    <message>
        <source>The format dropped:</source>
        <translation>Tidak disertakan oleh format ini:</translation>
    </message>
    <message>
        <source>The format changed, and kept:</source>
        <translation>Diubah oleh format ini, tetap disertakan:</translation>
    </message>
    <message>
        <source>No document matched the filters.</source>
        <translation>Tidak ada dokumen yang cocok dengan filter.</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Ekspor…</translation>
    </message>
    <message>
        <source>An export is already running</source>
        <translation>Ekspor sedang berjalan</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Exporting {done} of {total} documents</source>
        <translation>Mengekspor {done} dari {total} dokumen</translation>
    </message>
    <message>
        <source>Export cancelled: nothing written</source>
        <translation>Ekspor dibatalkan: tidak ada yang ditulis</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Ekspor selesai</translation>
    </message>
    <message>
        <source>Exported {n} documents</source>
        <translation>{n} dokumen diekspor</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Documents marked done</source>
        <translation>Dokumen bertanda selesai</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Semua dokumen</translation>
    </message>
    <message>
        <source>Split into train / dev / test by document</source>
        <translation>Bagi per dokumen menjadi latih / validasi / uji</translation>
    </message>
    <message>
        <source>Keep near-duplicates (syndicated copies) in one part</source>
        <translation>Simpan dokumen yang hampir sama (salinan sindikasi) di satu bagian</translation>
    </message>
    <message>
        <source>Write pending suggestions beside the spans</source>
        <translation>Tulis saran tertunda di samping rentang</translation>
    </message>
    <message>
        <source>Leave out documents with pending suggestions</source>
        <translation>Kecualikan dokumen yang punya saran tertunda</translation>
    </message>
    <message>
        <source>Train, dev, test</source>
        <translation>Latih, validasi, uji</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Benih acak</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Simpan ke</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>No documents match these filters</source>
        <translation>Tidak ada dokumen yang cocok dengan filter ini</translation>
    </message>
    <message>
        <source>1 document will be exported</source>
        <translation>1 dokumen akan diekspor</translation>
    </message>
    <message>
        <source>{n} documents will be exported</source>
        <translation>{n} dokumen akan diekspor</translation>
    </message>
    <message>
        <source>Export into a folder</source>
        <translation>Ekspor ke folder</translation>
    </message>
    <message>
        <source>Export to a file</source>
        <translation>Ekspor ke berkas</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Import articles into {project}</source>
        <translation>Impor artikel ke {project}</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan papan ketik</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>&amp;Tentang Annotator</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Articles and annotations</source>
        <translation>Artikel dan anotasi</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Semua berkas</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was added</source>
        <translation>Impor dibatalkan: tidak ada yang ditambahkan</translation>
    </message>
    <message>
        <source>, {rejected} rejected</source>
        <translation>, {rejected} ditolak</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Impor artikel</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Impor folder</translation>
    </message>
    <message>
        <source>An import is already running</source>
        <translation>Impor lain sedang berjalan</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Importing {name} ({done} of {total} files)</source>
        <translation>Mengimpor {name} ({done} dari {total} berkas)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Impor gagal</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Import with options</source>
        <translation>Impor dengan opsi</translation>
    </message>
    <message>
        <source>Nothing chosen yet</source>
        <translation>Belum ada yang dipilih</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Berkas…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <source>Detect from content and extension</source>
        <translation>Kenali dari isi dan ekstensi</translation>
    </message>
    <message>
        <source>detected: {names}, …</source>
        <translation>dikenali: {names}, …</translation>
    </message>
    <message>
        <source>Read press releases: dateline, agency, dates; boilerplate into metadata</source>
        <translation>Baca rilis pers: dateline, kantor berita, tanggal; teks baku ke metadata</translation>
    </message>
    <message>
        <source>Reject labels that are not in the project&apos;s schema</source>
        <translation>Tolak label yang tidak ada di skema proyek</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Text field or column</source>
        <translation>Ruas atau kolom teks</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> dan {n} lagi</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Nearly repeat a stored document</source>
        <translation>Hampir sama dengan dokumen yang sudah ada</translation>
    </message>
    <message>
        <source>Labels added to the schema</source>
        <translation>Label yang ditambahkan ke skema</translation>
    </message>
    <message>
        <source>«{new}» nearly repeats «{old}» ({similarity:.0%})</source>
        <translation>«{new}» hampir sama dengan «{old}» ({similarity:.0%})</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… dan {n} lagi</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <source>The new language is used when Annotator starts again</source>
        <translation>Bahasa baru dipakai saat Annotator dibuka lagi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>All changes saved</source>
        <translation>Semua perubahan tersimpan</translation>
    </message>
    <message>
        <source>{done} / {total} done</source>
        <translation>{done} / {total} selesai</translation>
    </message>
</context>
<context>
    <name>NavigationController</name>
    <message>
        <source>No unfinished document before this one</source>
        <translation>Tidak ada dokumen belum selesai sebelum dokumen ini</translation>
    </message>
    <message>
        <source>No unfinished document after this one</source>
        <translation>Tidak ada dokumen belum selesai setelah dokumen ini</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>No document open</source>
        <translation>Tidak ada dokumen yang terbuka</translation>
    </message>
    <message>
        <source>Note on span %1 «%2»</source>
        <translation>Catatan pada rentang %1 «%2»</translation>
    </message>
    <message>
        <source>Note on event %1</source>
        <translation>Catatan pada peristiwa %1</translation>
    </message>
    <message>
        <source>Note on the document</source>
        <translation>Catatan pada dokumen</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Note (saved as you type)</source>
        <translation>Catatan (tersimpan saat Anda mengetik)</translation>
    </message>
    <message>
        <source>Find in notes…</source>
        <translation>Cari di catatan…</translation>
    </message>
</context>
<context>
    <name>OccurrencesBar</name>
    <message>
        <source>Not now</source>
        <translation>Nanti saja</translation>
    </message>
    <message>
        <source>Label the other unlabelled “{0}” as {1} too?</source>
        <translation>Labeli juga “{0}” lain yang belum berlabel sebagai {1}?</translation>
    </message>
    <message>
        <source>In this document ({0}) Alt+O</source>
        <translation>Di dokumen ini ({0}) Alt+O</translation>
    </message>
    <message>
        <source>In the project ({0}) Alt+Shift+O</source>
        <translation>Di seluruh proyek ({0}) Alt+Shift+O</translation>
    </message>
</context>
<context>
    <name>RolesTable</name>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Wajib</translation>
    </message>
    <message>
        <source>Max (empty: any)</source>
        <translation>Maks. (bila ada)</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Tambah peran</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Hapus peran</translation>
    </message>
    <message>
        <source>Row %1: a role needs a name</source>
        <translation>Baris %1: peran harus diberi nama</translation>
    </message>
    <message>
        <source>Row %1: a role key is one key</source>
        <translation>Baris %1: tombol peran harus satu tombol</translation>
    </message>
    <message>
        <source>Row %1: max count is a number from 1</source>
        <translation>Baris %1: jumlah maks. berupa angka mulai dari 1</translation>
    </message>
</context>
<context>
    <name>SchemaEditorDialog</name>
    <message>
        <source>Edit schema</source>
        <translation>Sunting skema</translation>
    </message>
    <message>
        <source>Entity labels</source>
        <translation>Label entitas</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Jenis peristiwa</translation>
    </message>
    <message>
        <source>Relation types</source>
        <translation>Jenis relasi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Warna</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Simpan perubahan</translation>
    </message>
    <message>
        <source>&amp;Add as new</source>
        <translation>&amp;Tambah sebagai baru</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>Impor JSON…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Ekspor JSON…</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Warna label</translation>
    </message>
    <message>
        <source>%1 is used by %2 annotations. Delete it and them? (Undo brings both back.)</source>
        <translation>%1 dipakai oleh %2 anotasi. Hapus label beserta anotasinya? (Urungkan mengembalikan keduanya.)</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Hapus label</translation>
    </message>
    <message>
        <source>Export schema</source>
        <translation>Ekspor skema</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 disimpan</translation>
    </message>
    <message>
        <source>Import schema</source>
        <translation>Impor skema</translation>
    </message>
    <message>
        <source>Added %1, updated %2</source>
        <translation>%1 ditambahkan, %2 diperbarui</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan ketik</translation>
    </message>
    <message>
        <source>Select text with Shift+arrows or the mouse, then press a label&apos;s key. Every edit is saved at once.</source>
        <translation>Pilih teks dengan Shift+panah atau mouse, lalu tekan tombol label. Setiap perubahan langsung disimpan.</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Documents by status</source>
        <translation>Dokumen menurut status</translation>
    </message>
    <message>
        <source>Documents annotated per day</source>
        <translation>Dokumen teranotasi per hari</translation>
    </message>
    <message>
        <source>Spans by label</source>
        <translation>Rentang menurut label</translation>
    </message>
    <message>
        <source>Events by type</source>
        <translation>Peristiwa menurut jenis</translation>
    </message>
    <message>
        <source>Arguments by role (filled roles)</source>
        <translation>Argumen menurut peran (peran terisi)</translation>
    </message>
    <message>
        <source>%1 documents · %2 spans · %3 events · %4 arguments</source>
        <translation>%1 dokumen · %2 rentang · %3 peristiwa · %4 argumen</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>dikerjakan</translation>
    </message>
    <message>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
</context>
<context>
    <name>SuggestionController</name>
    <message>
        <source>Select text with a known name first</source>
        <translation>Pilih teks berisi nama yang dikenal terlebih dahulu</translation>
    </message>
    <message>
        <source>Labelled {0} as {1}</source>
        <translation>{0} dilabeli sebagai {1}</translation>
    </message>
    <message>
        <source>No pending suggestion here</source>
        <translation>Tidak ada saran tertunda di sini</translation>
    </message>
    <message>
        <source>Labelled {0} more as {1}</source>
        <translation>{0} lagi dilabeli sebagai {1}</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Select text to see known names</source>
        <translation>Pilih teks untuk melihat nama yang dikenal</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Accept all of label</source>
        <translation>Terima semua dengan label ini</translation>
    </message>
    <message>
        <source>Accept all of entity</source>
        <translation>Terima semua untuk entitas ini</translation>
    </message>
    <message>
        <source>No known name like “{0}”</source>
        <translation>Tidak ada nama dikenal yang mirip “{0}”</translation>
    </message>
    <message>
        <source>Known names for “{0}” — Enter labels and links the first</source>
        <translation>Nama dikenal untuk “{0}” — Enter melabeli dan menautkan yang pertama</translation>
    </message>
    <message>
        <source>Pending suggestions: {0}</source>
        <translation>Saran tertunda: {0}</translation>
    </message>
    <message>
        <source>No pending suggestions (Document ▸ Pre-annotate)</source>
        <translation>Tidak ada saran tertunda (Dokumen ▸ Pra-anotasi)</translation>
    </message>
</context>
<context>
    <name>SuggestionsUI</name>
    <message>
        <source>Suggestions</source>
        <translation>Saran</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <source>Pre-annotating with known names…</source>
        <translation>Pra-anotasi dengan nama yang dikenal…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Sembunyikan</translation>
    </message>
    <message>
        <source>Pre-annotate</source>
        <translation>Pra-anotasi</translation>
    </message>
    <message>
        <source>Pre-annotation failed: {0}</source>
        <translation>Pra-anotasi gagal: {0}</translation>
    </message>
    <message>
        <source>{0} new suggestions in {1} documents</source>
        <translation>{0} saran baru di {1} dokumen</translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <source>Updating your database for this version of Annotator…</source>
        <translation>Memperbarui basis data Anda untuk versi Annotator ini…</translation>
    </message>
    <message>
        <source>It happens once; a large collection can take a minute.</source>
        <translation>Hanya sekali; koleksi yang besar bisa memakan waktu semenit.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Annotator</source>
        <translation>Selamat datang di Annotator</translation>
    </message>
    <message>
        <source>Your name, recorded on every span you make</source>
        <translation>Nama Anda, dicatat pada setiap rentang yang Anda buat</translation>
    </message>
    <message>
        <source>My project</source>
        <translation>Proyek saya</translation>
    </message>
    <message>
        <source>Create project</source>
        <translation>Buat proyek</translation>
    </message>
    <message>
        <source>Create and import files…</source>
        <translation>Buat dan impor berkas…</translation>
    </message>
    <message>
        <source>Open the demo corpus</source>
        <translation>Buka korpus demo</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Annotator&lt;/h2&gt;&lt;p&gt;Label Indonesian news and press releases as training data: select text, press a label&apos;s key, export for spaCy, Prodigy, doccano, CoNLL or brat. Every edit is saved at once.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Selamat datang di Annotator&lt;/h2&gt;&lt;p&gt;Labeli berita dan siaran pers berbahasa Indonesia sebagai data latih: pilih teks, tekan tombol label, lalu ekspor untuk spaCy, Prodigy, doccano, CoNLL, atau brat. Setiap perubahan langsung disimpan.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>Start a new project</source>
        <translation>Mulai proyek baru</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Nama proyek</translation>
    </message>
    <message>
        <source>Or look around first</source>
        <translation>Atau lihat-lihat dulu</translation>
    </message>
    <message>
        <source>Eight fictional press releases, ready to label.</source>
        <translation>Delapan siaran pers fiktif, siap dilabeli.</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>Annotating as {name}</source>
        <translation>Menganotasi sebagai {name}</translation>
    </message>
    <message>
        <source>Character mode: selections are kept exactly</source>
        <translation>Mode karakter: pilihan dipertahankan persis</translation>
    </message>
    <message>
        <source>Word mode: selections snap to whole words</source>
        <translation>Mode kata: pilihan menyesuaikan ke kata utuh</translation>
    </message>
</context>
</TS>
