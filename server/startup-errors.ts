import { ConfigError, type Config } from './config';

function describeDatabase(config: Config): string {
  if (!config.databaseUrl) {
    return `cơ sở dữ liệu nhúng trong ${config.dataDir}`;
  }
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}/${url.pathname.slice(1)}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** One line that says what is wrong with the start-up and what to fix. */
export function explainStartupError(error: unknown, config?: Config): string {
  if (error instanceof ConfigError) {
    return error.message;
  }
  const err = error as NodeJS.ErrnoException & { code?: string };
  const where = config ? describeDatabase(config) : 'cơ sở dữ liệu';
  switch (String(err?.code ?? '')) {
    case 'EADDRINUSE':
      return `Cổng ${config?.port} trên ${config?.host} đang được chương trình khác dùng: đặt PORT khác hoặc dừng chương trình đó.`;
    case 'EADDRNOTAVAIL':
      return `Không dùng được địa chỉ HOST=${config?.host} trên máy này: đặt HOST khác (ví dụ 127.0.0.1 hoặc 0.0.0.0).`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'ENOTDIR':
    case 'EEXIST':
      return `Không ghi được vào thư mục dữ liệu ${config?.dataDir} (${err.code}): đặt DATA_DIR sang một thư mục có quyền ghi.`;
    case '3D000':
      return `Cơ sở dữ liệu không tồn tại (${where}): tạo nó (createdb) hoặc sửa DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `PostgreSQL từ chối đăng nhập (${where}): kiểm tra người dùng và mật khẩu trong DATABASE_URL.`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
      return `Không kết nối được ${where} (${err.code}): kiểm tra máy chủ PostgreSQL đang chạy và DATABASE_URL.`;
    default:
      return `Không khởi động được: ${err?.message ?? String(error)}`;
  }
}
