/** Bahasa Indonesia messages of the dashboard (work queues and what each role will find there). */
export const dashboardId = {
  'dashboard.waiting': 'Menunggu Anda',
  'dashboard.nothingWaiting': 'Tidak ada pekerjaan yang menunggu Anda saat ini.',
  'dashboard.age.lessThanHour': 'kurang dari 1 jam',
  'dashboard.age.hour': '{n} jam',
  'dashboard.age.hours': '{n} jam',
  'dashboard.age.day': '{n} hari',
  'dashboard.age.days': '{n} hari',
  'dashboard.empty.PA':
    'Rencana umum pengadaan instansi Anda yang menunggu persetujuan akan muncul di sini setelah modul RUP aktif.',
  'dashboard.empty.KPA':
    'Rencana umum pengadaan yang menunggu persetujuan Anda akan muncul di sini setelah modul RUP aktif.',
  'dashboard.empty.PPK':
    'Tidak ada paket yang menunggu Anda. Dokumen SULAP yang dikembalikan Pokja untuk diperbaiki akan muncul di sini.',
  'dashboard.empty.KEPALA_ULP':
    'Tidak ada paket yang menunggu penugasan Pokja. Paket SULAP yang diajukan PPK akan muncul di sini.',
  'dashboard.empty.POKJA':
    'Tidak ada dokumen yang menunggu kaji Anda. Paket SULAP yang ditugaskan kepada Anda akan muncul di sini; tender menyusul setelah modul tender aktif.',
  'dashboard.empty.PEJABAT_PENGADAAN':
    'Pengadaan langsung yang perlu Anda proses akan muncul di sini setelah modul non-tender aktif.',
  'dashboard.empty.AUDITOR': 'Paket yang ditandai untuk pemeriksaan akan muncul di sini setelah modul tender aktif.',
  'dashboard.empty.PENYEDIA':
    'Tender yang Anda ikuti dan tenggat penawarannya akan muncul di sini setelah modul tender aktif.',
  'dashboard.empty.BUPATI': 'Ikhtisar pengadaan kabupaten akan muncul di sini setelah modul laporan aktif.',
  'dashboard.empty.KEPALA_LPSE': 'Pendaftaran yang menunggu Unit Registrasi dan Verifikasi akan muncul di sini.',
  'dashboard.empty.SEKRETARIAT': 'Surat dan permintaan layanan LPSE akan muncul di sini setelah modul layanan aktif.',
  'dashboard.empty.VERIFIKATOR': 'Pendaftaran yang diajukan dan menunggu verifikasi akan muncul di sini.',
  'dashboard.empty.ADMIN_SISTEM': 'Surel yang gagal terkirim setelah semua percobaan akan muncul di sini.',
  'dashboard.empty.HELPDESK':
    'Pertanyaan dan keluhan pengguna akan muncul di sini setelah modul layanan bantuan aktif.',
} as const;
