/** 简体中文: the reference language of the attachments messages. English must have exactly these keys (typed). */
const zhCN = {
  picker: {
    choose: '添加照片或文件',
    drop: '可将照片、监控截图或文书拖到此处',
    hint: '每个文件不超过 {fileMib} MB（照片会在本机缩小），每次最多 {files} 个，合计不超过 {totalMib} MB。',
    preparing: '正在处理 {name}…',
    remove: '移除',
    removeLabel: '移除附件 {name}',
  },
  refusal: {
    tooManyFiles: '每次最多添加 {limit} 个附件',
    fileTooLarge: '“{name}”处理后仍超过 {limit} MB，无法添加',
    totalTooLarge: '附件合计不能超过 {limit} MB，“{name}”未添加',
    sourceTooLarge: '“{name}”超过 {limit} MB，请先压缩或截取后再添加',
    emptyFile: '“{name}”是空文件，未添加',
    unreadable: '“{name}”无法识别为图片，未添加',
    failed: '“{name}”未能保存：{reason}',
    notSignedIn: '请先登录后再添加附件',
  },
  list: {
    empty: '无附件',
    open: '查看 {name}',
    noThumbnail: '文件',
    size: '{size}',
    fromStation: '原件存于 {station}',
  },
  viewer: {
    title: '{name}',
    fetching: '正在从 {station} 获取原件：已收到 {received}/{count} 个分片',
    waiting: '已向 {station} 索取原件，等待对方响应…',
    offline: '本机当前未连接交换服务器，无法从 {station} 获取原件。已收到的部分会保留，连接恢复后自动继续。',
    unreachable: '{station} 暂无响应（对方可能离线）。已收到的 {received}/{count} 个分片会保留，对方上线后将继续，只补传缺少的部分。',
    retry: '重新索取缺少的部分',
    corrupt: '收到的原件校验不符（SHA-256），已丢弃，请重新获取',
    refetch: '重新获取',
    verified: '已校验（SHA-256）',
    download: '下载原件',
    close: '关闭',
    failed: '获取原件失败：{reason}',
    notSignedIn: '请先登录后再获取原件',
  },
};

export type AttachmentsMessages = typeof zhCN;
export default zhCN;
