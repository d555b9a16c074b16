import { Alert } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';

/**
 * Reads QR codes from the phone's back camera: frames drawn on a canvas and decoded with jsQR (Chromium on Linux and
 * several phones have no BarcodeDetector). The same code seen again within `repeatMs` is ignored.
 */
export function QrScanner({
  onCode,
  errorLabel,
  repeatMs = 3000,
}: {
  onCode: (text: string) => void;
  errorLabel: (error: string) => string;
  repeatMs?: number;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<{ text: string; at: number }>({ text: '', at: 0 });
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let frame = 0;
    let isStopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const tick = () => {
      if (isStopped) {
        return;
      }
      const v = video.current;
      if (v && context && v.readyState >= v.HAVE_ENOUGH_DATA && v.videoWidth > 0) {
        const scale = Math.min(1, 640 / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        context.drawImage(v, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        const now = Date.now();
        if (code?.data && (code.data !== last.current.text || now - last.current.at > repeatMs)) {
          last.current = { text: code.data, at: now };
          handler.current(code.data);
        }
      }
      frame = requestAnimationFrame(tick);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s;
        if (isStopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        frame = requestAnimationFrame(tick);
      })
      .catch((err: Error) => setError(err.message));
    if (!navigator.mediaDevices) {
      setError('HTTPS');
    }
    return () => {
      isStopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [repeatMs]);

  if (error) {
    return <Alert type="warning" showIcon title={errorLabel(error)} />;
  }
  return (
    <video
      ref={video}
      muted
      playsInline
      data-testid="qr-video"
      style={{ width: '100%', maxHeight: 280, background: '#000', borderRadius: 8 }}
    />
  );
}
