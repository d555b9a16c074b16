import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface JitsiApi {
  dispose(): void;
}
type JitsiConstructor = new (domain: string, options: Record<string, unknown>) => JitsiApi;

/** Loads `<server>/external_api.js` once; resolves with the constructor Jitsi puts on window. */
function loadJitsi(server: string): Promise<JitsiConstructor> {
  const w = window as unknown as { JitsiMeetExternalAPI?: JitsiConstructor };
  if (w.JitsiMeetExternalAPI) {
    return Promise.resolve(w.JitsiMeetExternalAPI);
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${server}/external_api.js`;
    script.async = true;
    script.onload = () => (w.JitsiMeetExternalAPI ? resolve(w.JitsiMeetExternalAPI) : reject(new Error('no API')));
    script.onerror = () => reject(new Error(`${server} không phản hồi`));
    document.head.appendChild(script);
  });
}

/**
 * The conference room embedded through Jitsi's iframe API. Loaded only when the user asks (joining starts the
 * camera); if the server cannot be reached, the page says so and the rest keeps working.
 */
export function JitsiRoom({
  server,
  roomName,
  displayName,
  joinLabel,
}: {
  server: string;
  roomName: string;
  displayName: string;
  joinLabel: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [isJoined, setJoined] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!isJoined || !container.current) {
      return undefined;
    }
    let api: JitsiApi | undefined;
    let isCancelled = false;
    loadJitsi(server)
      .then((Api) => {
        if (!isCancelled && container.current) {
          api = new Api(new URL(server).host, {
            roomName,
            parentNode: container.current,
            width: '100%',
            height: 480,
            userInfo: { displayName },
          });
        }
      })
      .catch((err: Error) => setError(err.message));
    return () => {
      isCancelled = true;
      api?.dispose();
    };
  }, [isJoined, server, roomName, displayName]);

  if (error) {
    return <Alert type="warning" showIcon title={error} />;
  }
  return isJoined ? (
    <div ref={container} style={{ width: '100%', minHeight: 480 }} />
  ) : (
    <Button type="primary" onClick={() => setJoined(true)}>
      {joinLabel}
    </Button>
  );
}
