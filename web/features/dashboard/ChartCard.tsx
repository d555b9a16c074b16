import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Spin } from 'antd';
import type { EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { EChartsCoreOption } from './echarts';

interface Props {
  title: string;
  /** File name for downloads, without extension. */
  fileName: string;
  option: EChartsCoreOption;
  height?: number;
  isEmpty?: boolean;
  /** A click on a bar or point: its category (x or y axis value) and data index. */
  onItemClick?: (params: { name: string; dataIndex: number; seriesIndex: number }) => void;
  testId?: string;
}

const loadECharts = () => import('./echarts');

function download(url: string, name: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * One chart in a card, drawn by ECharts once its chunk has loaded, with PNG (canvas, 2× for print) and SVG (the
 * same option rendered by ECharts' SVG renderer) downloads. Resizes with its container.
 */
export function ChartCard({ title, fileName, option, height = 320, isEmpty, onItemClick, testId }: Props) {
  const t = useMessages(messages);
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [isReady, setIsReady] = useState(false);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    let isCancelled = false;
    let observer: ResizeObserver | undefined;
    void loadECharts().then(({ echarts }) => {
      if (isCancelled || !element.current) {
        return;
      }
      const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
      instance.on('click', (params) => {
        const p = params as unknown as { name: string; dataIndex: number; seriesIndex: number };
        clickRef.current?.({ name: p.name, dataIndex: p.dataIndex, seriesIndex: p.seriesIndex });
      });
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
      setIsReady(true);
    });
    return () => {
      isCancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (isReady && chart.current) {
      chart.current.setOption({ animation: false, ...option }, { notMerge: true });
    }
  }, [isReady, option]);

  const downloadPng = () => {
    if (chart.current) {
      download(chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), `${fileName}.png`);
    }
  };
  const downloadSvg = async () => {
    const { echarts } = await loadECharts();
    const width = element.current?.clientWidth ?? 800;
    const svgChart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
    svgChart.setOption({ animation: false, backgroundColor: '#fff', ...option });
    const svg = svgChart.renderToSVGString();
    svgChart.dispose();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    download(url, `${fileName}.svg`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Card
      size="small"
      title={title}
      className="dashboard-chart"
      data-testid={testId}
      extra={
        <Flex gap={4} className="no-print">
          <Button size="small" icon={<DownloadOutlined />} onClick={downloadPng} disabled={!isReady || isEmpty}>
            {t('chart.png')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => void downloadSvg()}
            disabled={!isReady || isEmpty}
          >
            {t('chart.svg')}
          </Button>
        </Flex>
      }
    >
      <div style={{ position: 'relative', height }}>
        <div ref={element} style={{ height, width: '100%' }} data-ready={isReady ? 'true' : 'false'} />
        {!isReady && (
          <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0 }}>
            <Spin description={t('chart.loading')} />
          </Flex>
        )}
        {isReady && isEmpty && (
          <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0, background: '#fff' }}>
            <Empty description={t('chart.empty')} />
          </Flex>
        )}
      </div>
    </Card>
  );
}
