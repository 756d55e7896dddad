import QRCode from 'qrcode';

/**
 * A QR code as an SVG document, made here so no link leaves the server for an outside service.
 * Error correction M survives a smudged printout or a projector's glare; the quiet zone is the
 * four modules the standard asks for.
 */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}
