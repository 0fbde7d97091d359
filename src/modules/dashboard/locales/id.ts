/** Bahasa Indonesia messages of the dashboard (work queues and what each role will find there). */
export const dashboardId = {
  'dashboard.waiting': 'Menunggu Anda',
  'dashboard.nothingWaiting': 'Tidak ada pekerjaan yang menunggu Anda saat ini.',
  'dashboard.age.lessThanHour': 'kurang dari 1 jam',
  'dashboard.age.hour': '{n} jam',
  'dashboard.age.hours': '{n} jam',
  'dashboard.age.day': '{n} hari',
  'dashboard.age.days': '{n} hari',
  'dashboard.empty.PA': 'Rencana umum pengadaan instansi Anda yang masih draf dan belum diumumkan akan muncul di sini.',
  'dashboard.empty.KPA': 'Rencana umum pengadaan yang masih draf dan belum diumumkan akan muncul di sini.',
  'dashboard.empty.PPK':
    'Tidak ada paket yang menunggu Anda. Dokumen SULAP yang dikembalikan Pokja untuk diperbaiki akan muncul di sini.',
  'dashboard.empty.KEPALA_ULP':
    'Tidak ada paket yang menunggu penugasan Pokja. Paket SULAP yang diajukan PPK akan muncul di sini.',
  'dashboard.empty.POKJA':
    'Tidak ada yang menunggu Anda. Dokumen SULAP untuk dikaji, pertanyaan penjelasan yang belum dijawab dan sanggah akan muncul di sini.',
  'dashboard.empty.PEJABAT_PENGADAAN':
    'Tidak ada yang menunggu Anda. Paket SULAP pengadaan langsung yang ditugaskan kepada Anda akan muncul di sini; paket yang Anda jalankan ada di Pengumuman Tender.',
  'dashboard.empty.AUDITOR': 'Paket yang ditandai untuk pemeriksaan akan muncul di sini setelah modul tender aktif.',
  'dashboard.empty.PENYEDIA':
    'Tidak ada yang menunggu Anda. Undangan pengadaan langsung, SPPBJ yang perlu Anda jawab dan pemberitahuan yang belum dibaca akan muncul di sini; tender yang Anda ikuti ada di halaman Tender.',
  'dashboard.empty.BUPATI': 'Ikhtisar pengadaan kabupaten akan muncul di sini setelah modul laporan aktif.',
  'dashboard.empty.KEPALA_LPSE': 'Pendaftaran yang menunggu Unit Registrasi dan Verifikasi akan muncul di sini.',
  'dashboard.empty.SEKRETARIAT': 'Surat dan permintaan layanan LPSE akan muncul di sini setelah modul layanan aktif.',
  'dashboard.empty.VERIFIKATOR': 'Pendaftaran yang diajukan dan menunggu verifikasi akan muncul di sini.',
  'dashboard.empty.ADMIN_SISTEM': 'Surel yang gagal terkirim setelah semua percobaan akan muncul di sini.',
  'dashboard.empty.HELPDESK':
    'Pertanyaan dan keluhan pengguna akan muncul di sini setelah modul layanan bantuan aktif.',
} as const;
