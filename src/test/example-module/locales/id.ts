export const exampleId = {
  'nav.example': 'Contoh',
  'example.title': 'Pengumuman contoh',
  'example.announced': 'Pengumuman contoh diterbitkan.',
  'example.refused.agency': 'Anda hanya dapat bertindak untuk instansi Anda sendiri.',
  'example.refused.notYet': 'Pengumuman ini belum dapat diterbitkan.',
  'audit.event.example.announced': 'Menerbitkan pengumuman contoh untuk instansi {agency}',
} as const;
