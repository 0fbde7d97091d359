export const opendataId = {
  'nav.opendata': 'Data terbuka',
  'opendata.title': 'Data terbuka (OCDS)',
  'opendata.intro':
    'Setiap rencana pengadaan dan tender yang diumumkan di LPSE ini diterbitkan sebagai data terbuka menurut Open Contracting Data Standard (OCDS) 1.1.5, pada saat yang sama dengan perubahannya, tanpa diketik ulang.',
  'opendata.placeholder':
    'Perhatian: prefiks OCID yang dipakai ({prefix}) adalah contoh untuk demo dan belum terdaftar pada Open Contracting Partnership. Jangan memanen data ini sebagai data resmi.',
  'opendata.what': 'Apa yang diterbitkan',
  'opendata.what.planning':
    'Rencana Umum Pengadaan (RUP) saat diumumkan dan saat dikaji ulang: pagu dalam rupiah, sumber dana, metode dan jenis pengadaan, instansi pembeli.',
  'opendata.what.tender':
    'Tender saat diumumkan: nama paket, HPS, metode pemilihan (dengan nama Indonesianya), jadwal pemasukan penawaran dan pemberian penjelasan, Dokumen Pemilihan dengan tautan publiknya, instansi pembeli dan UKPBJ.',
  'opendata.what.amendment': 'Perubahan jadwal tender beserta alasannya (amendment).',
  'opendata.what.later':
    'Selanjutnya: adendum dokumen, tender gagal atau batal, jumlah penawaran (setelah pembukaan), sanggah dan sanggah banding, pemenang (menunggu selama masa sanggah, dibatalkan bila sanggah diterima), kontrak dan adendumnya, pembayaran, serah terima (BAST), dan pemutusan kontrak.',
  'opendata.stats': 'Pembaruan terakhir',
  'opendata.stats.text': '{count} rilis diterbitkan; rilis terakhir {last}.',
  'opendata.stats.none': 'Belum ada rilis yang diterbitkan.',
  'opendata.harvest': 'Cara memanen data',
  'opendata.harvest.feed':
    'Umpan rilis (release package), halaman demi halaman dari yang terlama: mulai tanpa parameter, lalu ikuti tautan links.next. Nomor urut (since) mengikuti urutan penyimpanan, sehingga tidak ada rilis yang terlewat atau terulang.',
  'opendata.harvest.record':
    'Record satu proses, dengan compiled release dan versioned release: /api/v1/ocds/records/{ocid}.',
  'opendata.harvest.bulk': 'Unduhan lengkap, satu rilis per baris (JSON Lines):',
  'opendata.harvest.openapi': 'Dokumentasi API (OpenAPI):',
  'opendata.ocid': 'Setiap proses diberi OCID {prefix}-rup-<kode RUP> atau {prefix}-tender-<kode tender>.',
  'opendata.licence': 'Lisensi',
  'opendata.licence.text':
    'Data ini boleh digunakan, dibagikan, dan diolah untuk keperluan apa pun, termasuk komersial, dengan menyebut sumbernya ({name}): Creative Commons Atribusi 4.0 Internasional (CC BY 4.0).',
  'opendata.policy': 'Kebijakan publikasi',
  'opendata.policy.when':
    'Rilis ditulis dalam transaksi yang sama dengan perubahan yang diumumkan: jika perubahan tersimpan, rilisnya juga; jika gagal, keduanya tidak ada.',
  'opendata.policy.ids':
    'Identitas rilis tidak pernah dipakai ulang dan rilis yang sudah terbit tidak pernah diubah; koreksi diterbitkan sebagai rilis baru.',
  'opendata.policy.withheld':
    'Yang tidak diterbitkan: dokumen persiapan (SULAP), HPS sebelum tender diumumkan, draf, isi penawaran sebelum pembukaan, dan data pribadi (NIK, NPWP orang perorangan, alamat rumah). Nama penanya pada pemberian penjelasan dan nama penyanggah tidak diterbitkan; alasan pemutusan kontrak juga tidak.',
  'opendata.policy.codelists':
    'Metode dan jenis pengadaan dipetakan ke codelist tertutup OCDS (open, selective, limited, direct; goods, works, services), dan nama Indonesianya disimpan di procurementMethodDetails. Jumlah uang dalam rupiah bulat (IDR).',
  'opendata.policy.contact': 'Pertanyaan dan koreksi data: hubungi helpdesk LPSE.',
  'opendata.sanggah': 'Sanggah dan sanggah banding (ekstensi lokal)',
  'opendata.sanggah.why':
    'OCDS belum memiliki ekstensi resmi untuk sanggah. LPSE ini menerbitkan ekstensi lokal yang menambahkan tender.complaints dan mencantumkannya dalam daftar extensions setiap paket.',
  'opendata.sanggah.fields':
    'Setiap sanggah (dijawab Pokja) dan sanggah banding (pekerjaan konstruksi, dijawab PA/KPA): id, jenis (sanggah, sanggahBanding), tanggal diajukan, status (pending, answered), tanggal dijawab, hasil (upheld = diterima, rejected = ditolak), dan untuk sanggah banding id sanggah yang dibanding.',
  'opendata.sanggah.withheld':
    'Tidak diterbitkan: nama penyanggah, isi sanggah dan jawabannya, lampirannya, dan jaminan sanggah banding; semuanya hanya dapat dilihat peserta tender.',
  'opendata.sanggah.awards':
    'Pemenang diterbitkan sejak tahap Pengumuman Pemenang dengan status pending selama masa sanggah. Bila sanggah atau sanggah banding diterima, penetapan itu diterbitkan kembali dengan status cancelled (id yang sama, rilis bertanda awardCancellation); penetapan ulang oleh Pokja adalah award baru dengan id baru.',
  'opendata.sanggah.files': 'Berkas ekstensi:',
  'nav.nationalFeed': 'Umpan nasional',
  'audit.event.opendata.api_key_issued': 'Menerbitkan kunci API data terbuka {keyPrefix}… untuk {name}',
  'audit.event.opendata.api_key_revoked': 'Mencabut kunci API data terbuka {keyPrefix}… milik {name}',
  'audit.event.opendata.award_announced': 'Menerbitkan pemenang tender {kode} sebagai data terbuka ({award})',
  'national.title': 'Umpan data untuk portal nasional',
  'national.intro':
    'Data yang sama dengan umpan OCDS, dalam bentuk yang dibaca sisi nasional (kode RUP dan kode tender, nama kolom ISB/SiRUP): diambil oleh konsumen dengan kunci API, atau dikirim otomatis ke alamat yang dikonfigurasi.',
  'national.keys': 'Kunci API',
  'national.keysHow':
    'Konsumen mengirim kuncinya di header X-API-Key ke /api/v1/nasional/paket (paling banyak 60 permintaan per menit per kunci). Hanya sidik (hash) kunci yang disimpan; kunci yang hilang tidak dapat dipulihkan: cabut dan terbitkan yang baru.',
  'national.keysEmpty': 'Belum ada kunci yang diterbitkan.',
  'national.keyName': 'Nama konsumen',
  'national.keyNameHint': 'Misalnya: Portal Pengadaan Nasional (LKPP).',
  'national.keyPrefix': 'Awal kunci',
  'national.keyCreated': 'Diterbitkan',
  'national.keyLastUsed': 'Terakhir dipakai',
  'national.keyStatus': 'Status',
  'national.revokedAt': 'Dicabut {at}',
  'national.revoke': 'Cabut',
  'national.revoked': 'Kunci dicabut; permintaan berikutnya dengan kunci itu ditolak.',
  'national.issue': 'Terbitkan kunci baru',
  'national.issued': 'Kunci baru untuk {name}',
  'national.issuedOnce':
    'Salin kunci ini sekarang dan serahkan lewat saluran aman. Kunci ini hanya ditampilkan sekali.',
  'national.push': 'Pengiriman otomatis',
  'national.pushTo': 'Rilis baru dikirim tiap menit ke {url}.',
  'national.pushOff': 'Pengiriman otomatis tidak aktif (NATIONAL_FEED_PUSH_URL belum diisi).',
  'national.pushHow':
    'Setiap kiriman berisi paket rilis OCDS berurutan; kiriman yang gagal diulang dengan jeda yang makin panjang (30 detik sampai 1 jam) dan kiriman berikutnya menunggu, sehingga penerima tidak pernah kehilangan rilis.',
  'national.deliveries': 'Log pengiriman (terbaru di atas)',
  'national.deliveriesEmpty': 'Belum ada pengiriman.',
  'national.dRange': 'Rilis',
  'national.dStatus': 'Status',
  'national.dAttempts': 'Percobaan',
  'national.dLast': 'Jawaban terakhir',
  'national.dWhen': 'Terkirim / percobaan berikut',
  'national.delivered': 'Terkirim',
  'national.pending': 'Menunggu / diulang',
  'national.nextAttempt': 'berikutnya {at}',
  'indicators.title': 'Indikator risiko (bendera merah)',
  'indicators.intro':
    'Indikator ini dihitung otomatis dari data terbuka OCDS yang sama yang diterbitkan portal ini, dengan metode opentender.net (ICW). Siapa pun dapat menghitung ulang dari umpan data.',
  'indicators.caveat':
    'Bendera merah bukan tuduhan: ia menandai paket yang layak diperiksa lebih lanjut. Indikator yang datanya belum ada (misalnya belum ada pemenang) tidak dinilai.',
  'indicators.flagged': 'Paket dengan indikator yang menyala',
  'indicators.count': '{flagged} dari {assessed} paket tender yang diterbitkan menyalakan setidaknya satu indikator.',
  'indicators.none': 'Belum ada paket yang menyalakan indikator.',
  'indicators.process': 'Paket',
  'indicators.buyer': 'Instansi',
  'indicators.fired': 'Indikator',
  'indicators.explained': 'Arti setiap indikator',
  'indicators.days_to_award': 'Waktu pengumuman sampai pemenang',
  'indicators.days_to_award.why':
    'Lebih dari 70 hari dari pengumuman tender sampai penetapan pemenang (skor 5 opentender): proses yang berlarut membuka ruang negosiasi di luar prosedur.',
  'indicators.contract_vs_hps': 'Nilai kontrak dibanding HPS',
  'indicators.contract_vs_hps.why':
    'Nilai kontrak di atas HPS, dalam 1 % di bawah HPS (HPS mungkin bocor atau harga pendamping kartel), atau 20 % atau lebih di bawah HPS (harga terlalu rendah untuk dikerjakan dengan baik).',
  'indicators.single_bidder': 'Penawar tunggal',
  'indicators.single_bidder.why': 'Hanya satu penyedia yang memasukkan penawaran: tidak ada persaingan harga.',
  'indicators.short_title': 'Nama paket terlalu pendek',
  'indicators.short_title.why': 'Nama paket kurang dari 20 karakter sulit dicari dan diperiksa publik.',
  'indicators.winner_concentration': 'Pemenang terkonsentrasi',
  'indicators.winner_concentration.why':
    'Di satu instansi dengan sedikitnya 3 pemenang, satu penyedia memenangkan separuh atau lebih paketnya.',
  'indicators.source':
    'Sumber metode: Indonesia Corruption Watch, opentender.net (Potential Fraud Analysis). Angka ambang antara skor 1 dan 5 untuk waktu sampai pemenang adalah pembagian rata kami, menunggu konfirmasi metodologi ICW.',
  'opendata.indicatorsLink': 'Paket yang menyalakan indikator risiko, dan arti setiap indikator',
} as const;
