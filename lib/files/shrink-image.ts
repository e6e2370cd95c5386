// Browser only: a phone photo over the limit is shrunk before it is sent (issue 15), so a 3–12 MB camera picture
// becomes a JPEG of what the rules need instead of a refusal. createImageBitmap applies the EXIF orientation
// ('from-image'), and the canvas writes no EXIF, so the copy is upright and carries no GPS position.
import { fitWithin } from './limits';

const QUALITIES = [0.9, 0.8, 0.7] as const;

export async function shrinkImage(file: File, maxSide: number, maxBytes: number): Promise<File | null> {
  if (!/^image\/(jpeg|png)$/.test(file.type) || typeof createImageBitmap !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    // A transparent PNG becomes ink on white paper, as the server would lay it.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    for (const quality of QUALITIES) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= maxBytes) return new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' });
    }
    return null;
  } catch {
    return null;
  }
}
