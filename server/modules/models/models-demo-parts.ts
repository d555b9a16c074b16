import type { ModelIndicator, ModelKind } from '../../../common/models';

// Parts from which the demo builds realistic Vietnamese models, good practices and individual examples.

export interface TitlePart {
  kind: ModelKind;
  /** `{place}`: ấp 3, xã Tân Tiến, huyện Đầm Dơi; `{name}`: the person of an individual example. */
  title: string;
  position?: string;
}

export const TITLES: Record<string, TitlePart[]> = {
  party_building: [
    { kind: 'collective_model', title: 'Chi bộ 4 tốt {place}' },
    { kind: 'collective_model', title: 'Mô hình "Chi bộ kiểu mẫu" {place}' },
    { kind: 'good_practice', title: 'Sinh hoạt chi bộ chuyên đề gắn với học tập và làm theo Bác {place}' },
    { kind: 'creative_approach', title: 'Mô hình "Mỗi đảng viên một việc làm theo Bác" {place}' },
    { kind: 'good_practice', title: 'Mô hình "Đảng viên giúp đảng viên" {place}' },
    {
      kind: 'individual_example',
      title: 'Gương bí thư chi bộ {name} nêu gương trong sinh hoạt',
      position: 'Bí thư chi bộ',
    },
  ],
  economy: [
    { kind: 'collective_model', title: 'Mô hình nuôi tôm - rừng kết hợp {place}' },
    { kind: 'collective_model', title: 'Mô hình tôm - lúa bền vững {place}' },
    { kind: 'creative_approach', title: 'Tổ hợp tác nuôi cua giống {place}' },
    { kind: 'good_practice', title: 'Cách làm hay trong hỗ trợ vốn sản xuất cho hộ cận nghèo {place}' },
    {
      kind: 'individual_example',
      title: 'Gương đảng viên {name} giúp dân thoát nghèo',
      position: 'Đảng viên chi bộ ấp',
    },
    { kind: 'individual_example', title: 'Gương nông dân sản xuất giỏi {name}', position: 'Hội viên Hội Nông dân' },
  ],
  social_welfare: [
    { kind: 'collective_model', title: 'Mô hình "Hũ gạo tình thương" {place}' },
    { kind: 'collective_model', title: 'Mô hình "Mái ấm tình thương" {place}' },
    { kind: 'good_practice', title: 'Bếp ăn từ thiện phục vụ bệnh nhân nghèo {place}' },
    { kind: 'creative_approach', title: 'Mô hình "Cây ATM gạo" {place}' },
    {
      kind: 'individual_example',
      title: 'Gương {name} tận tâm chăm lo người già neo đơn',
      position: 'Chi hội trưởng Hội Phụ nữ',
    },
  ],
  education: [
    { kind: 'collective_model', title: 'Tủ sách Bác Hồ {place}' },
    { kind: 'good_practice', title: 'Mô hình "Nâng bước em đến trường" {place}' },
    { kind: 'collective_model', title: 'Quỹ khuyến học dòng họ {place}' },
    { kind: 'individual_example', title: 'Gương nhà giáo {name} tận tụy với học trò nghèo', position: 'Giáo viên' },
  ],
  health: [
    { kind: 'collective_model', title: 'Tổ y tế tự quản {place}' },
    { kind: 'creative_approach', title: 'Mô hình "Bác sĩ gia đình" {place}' },
    { kind: 'good_practice', title: 'Khám bệnh, phát thuốc miễn phí định kỳ {place}' },
    { kind: 'individual_example', title: 'Gương thầy thuốc như mẹ hiền {name}', position: 'Bác sĩ trạm y tế' },
  ],
  defence_security: [
    { kind: 'collective_model', title: 'Tổ an ninh tự quản {place}' },
    { kind: 'creative_approach', title: 'Mô hình "Camera an ninh" {place}' },
    { kind: 'collective_model', title: 'Ấp an toàn về an ninh, trật tự {place}' },
    { kind: 'individual_example', title: 'Gương chiến sĩ công an {name} gần dân, vì dân', position: 'Công an xã' },
  ],
  environment: [
    { kind: 'collective_model', title: 'Tuyến đường hoa {place}' },
    { kind: 'collective_model', title: 'Tuyến đường "Xanh - sạch - đẹp" {place}' },
    { kind: 'good_practice', title: 'Ngày Chủ nhật xanh {place}' },
    { kind: 'creative_approach', title: 'Phân loại rác thải tại nguồn {place}' },
  ],
  culture: [
    { kind: 'collective_model', title: 'Ngày thứ Bảy tình nguyện {place}' },
    { kind: 'collective_model', title: 'Ấp văn hóa kiểu mẫu {place}' },
    { kind: 'good_practice', title: 'Câu lạc bộ đờn ca tài tử {place}' },
  ],
  administrative_reform: [
    { kind: 'creative_approach', title: 'Mô hình "Ngày thứ Năm lắng nghe ý kiến Nhân dân" {place}' },
    { kind: 'good_practice', title: 'Một cửa liên thông hiện đại {place}' },
    { kind: 'creative_approach', title: 'Hướng dẫn dịch vụ công trực tuyến tại nhà {place}' },
    {
      kind: 'individual_example',
      title: 'Gương cán bộ một cửa {name} tận tình với dân',
      position: 'Công chức văn phòng',
    },
  ],
  mass_mobilisation: [
    { kind: 'collective_model', title: 'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới {place}' },
    { kind: 'good_practice', title: 'Dân vận khéo trong vận động hiến đất làm đường {place}' },
    { kind: 'creative_approach', title: 'Dân vận khéo trong chuyển đổi cơ cấu sản xuất {place}' },
    { kind: 'individual_example', title: 'Gương {name} vận động nhân dân làm đường giao thông', position: 'Trưởng ấp' },
  ],
};

/** Field codes with their weight in the demo (Party building, economy and mass mobilisation dominate). */
export const FIELD_WEIGHTS: [string, number][] = [
  ['party_building', 16],
  ['economy', 16],
  ['mass_mobilisation', 14],
  ['social_welfare', 10],
  ['environment', 9],
  ['culture', 8],
  ['defence_security', 8],
  ['education', 7],
  ['health', 6],
  ['administrative_reform', 6],
];

export const DESCRIPTIONS = [
  'Cấp ủy chỉ đạo xây dựng kế hoạch, phân công đảng viên phụ trách từng nhóm hộ; định kỳ sơ kết, rút kinh nghiệm.',
  'Cán bộ, đảng viên gương mẫu đi đầu; vận động Nhân dân cùng tham gia, công khai, dân chủ trong từng việc làm.',
  'Gắn việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh với nhiệm vụ chính trị của địa phương.',
  'Phối hợp Mặt trận và các đoàn thể; huy động nguồn lực xã hội hóa, lấy Nhân dân làm trung tâm.',
  'Đưa nội dung thực hiện vào sinh hoạt chi bộ hằng tháng; biểu dương kịp thời các cá nhân tiêu biểu.',
];

export const RESULTS = [
  'Được Nhân dân đồng tình, hưởng ứng; nhiều hộ tham gia.',
  'Đời sống vật chất, tinh thần của Nhân dân được nâng lên rõ rệt.',
  'Góp phần hoàn thành các tiêu chí nông thôn mới của địa phương.',
  'Tình hình an ninh, trật tự ổn định; không phát sinh điểm nóng.',
];

export const INDICATORS: Record<string, (n: number) => ModelIndicator[]> = {
  economy: (n) => [
    { indicator: 'Hộ thoát nghèo', value: 5 + (n % 40), unit: 'hộ' },
    { indicator: 'Thu nhập bình quân tăng', value: 10 + (n % 25), unit: '%' },
  ],
  social_welfare: (n) => [{ indicator: 'Số tiền vận động', value: 20 + (n % 180), unit: 'triệu đồng' }],
  mass_mobilisation: (n) => [{ indicator: 'Đường giao thông nông thôn làm mới', value: 1 + (n % 12), unit: 'km' }],
  environment: (n) => [{ indicator: 'Cây xanh trồng mới', value: 200 + (n % 1800), unit: 'cây' }],
  education: (n) => [{ indicator: 'Học sinh được hỗ trợ', value: 10 + (n % 90), unit: 'em' }],
  health: (n) => [{ indicator: 'Lượt người được khám', value: 100 + (n % 900), unit: 'lượt' }],
};

export const ARCHIVE_REASONS = [
  'Mô hình không còn phù hợp với điều kiện thực tế của địa phương.',
  'Đã tổng kết, kết thúc mô hình theo kế hoạch.',
  'Đơn vị sắp xếp lại theo Nghị quyết 60-NQ/TW; mô hình được thay bằng mô hình mới.',
  'Trùng với mô hình đã đăng ký của đơn vị khác.',
];
