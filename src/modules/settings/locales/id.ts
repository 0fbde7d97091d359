/** Bahasa Indonesia messages of the settings module. */
export const settingsId = {
  'nav.siteSettings': 'Identitas situs',
  'settings.title': 'Identitas situs',
  'settings.intro':
    'Nama daerah, lambang, alamat kantor, jam layanan dan kontak helpdesk tampil di kepala dan kaki setiap halaman, di kop surat setiap PDF dan di bawah setiap surel.',
  'settings.regencyName': 'Nama pemerintah daerah',
  'settings.regencyNameHint': 'Contoh: Kabupaten Konawe Kepulauan. Situs menampilkan "LPSE" di depannya.',
  'settings.address': 'Alamat kantor LPSE',
  'settings.hours': 'Jam layanan',
  'settings.email': 'Surel helpdesk',
  'settings.phone': 'Telepon helpdesk',
  'settings.whatsapp': 'WhatsApp helpdesk',
  'settings.emblem': 'Lambang daerah',
  'settings.emblemHint': 'PNG atau JPEG, paling besar 512 KB. Tanpa lambang, situs memakai tanda LPSE netral.',
  'settings.emblemCurrent': 'Lambang saat ini',
  'settings.emblemNone': 'Belum ada lambang: tanda LPSE netral dipakai.',
  'settings.removeEmblem': 'Hapus lambang, kembali ke tanda netral',
  'settings.saved': 'Identitas situs disimpan.',
  'audit.event.site_settings.updated': 'Mengubah identitas situs',
} as const;
