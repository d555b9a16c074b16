import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  title: string;
  retryLabel: string;
}

interface State {
  error: Error | null;
}

/** A page that throws while rendering (or whose code chunk fails to load) shows a message, not a blank screen. */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <Alert
          type="error"
          showIcon
          style={{ margin: 24 }}
          message={this.props.title}
          description={this.state.error.message}
          action={
            <Button type="primary" onClick={() => window.location.reload()}>
              {this.props.retryLabel}
            </Button>
          }
        />
      );
    }
    return this.props.children;
  }
}
