import pdfmake from 'pdfmake';

/**
 * The one pdfmake instance every module prints with (berita acara, receipts, SPPBJ, BAST …). Configured once, here:
 * only the PDF standard fonts, and no URL or local file is ever fetched while a document is made, whatever a
 * definition asks for (a definition may carry text that users typed).
 */
pdfmake.setFonts({
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
});
pdfmake.setUrlAccessPolicy(() => false);
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

export { pdfmake };
