/** 简体中文: the reference locale. Every other locale must have exactly these keys (a unit test checks). */
const zhCN = {
  app: {
    title: '长三角警务协同·站所端',
    shortTitle: '警务协同站所端',
  },
  nav: {
    records: '居民档案',
    migration: '户口迁移',
    patrol: '联合巡逻',
    sync: '同步',
    settings: '设置',
    officers: '民警账号',
    audit: '审计日志',
    documents: '文书核验',
    assist: '协查',
  },
  station: {
    kind: {
      development: '开发站点',
      demo: '演示站点',
      provisioned: '',
    },
    notProvisioned: '本机尚未配置站点身份，当前显示开发站点。',
    /** The first-run header before any station exists. */
    noStationYet: '本机尚未设置站点',
    development:
      '若不导入开通包，创建所管理员后本机是“开发站点”：仅供开发和试用，不是正式站点，不能与其他派出所同步，签发的文书无效。正式使用请先导入市局下发的开通包。',
    adminFor: {
      development: '尚未导入开通包：将创建开发站点（不是正式站点，不能同步）。',
      demo: '将为演示站点 {name} 创建所管理员。',
      provisioned: '将为正式站点 {name}（{code}）创建所管理员。',
    },
    demoBanner: '演示站点：所有数据均为演示数据，不得用于真实业务，打印的文书无效。',
    windowTitleDemo: '【演示站点】',
    /** Printed on every document of a demo station (always Chinese: an official document). */
    demoMark: '演示数据，无效',
    demoRefused: {
      provisioned: '本机已正式开通，不能加载演示站点或演示数据。',
      policy: '本机组策略已禁用演示站点和演示数据。',
      notDemo: '演示数据只能加载到演示站点。',
    },
  },
  language: {
    label: '语言',
    'zh-CN': '简体中文',
    en: 'English',
    lockedByPolicy: '界面语言由组策略设定，不能在本机更改。',
  },
  syncStatus: {
    online: '在线',
    offline: '离线',
    syncing: '同步中',
    error: '出错',
    notConfigured: '未配置交换节点',
    pending: '待发送 {n} 条',
    upgradeNeeded: '需升级',
    stopped: '与 {name} 的同步已停止：{reason}',
    stopReasons: {
      brokenChain: '事件链断裂',
      badEventSignature: '事件签名无效',
      wrongAuthor: '事件作者不符',
      notRecipient: '事件不是发给本所的',
      outOfOrder: '事件顺序错误',
    },
    upgradeReason: '本机软件版本低于信任名册要求的 {min}：新版本站点发来的部分数据将被隔离，升级后才能处理。请向 {issuer} 索取新版安装包。',
  },
  pages: {
    records: {
      title: '居民档案',
      placeholder: '这里将管理本所常住人口档案：户与人员登记、按身份证号/姓名/拼音检索、变更更正记载，以及开具户籍事项证明。',
    },
    migration: {
      title: '户口迁移',
      placeholder: '这里将办理跨省户口网上迁移：迁入地受理与审批、签发准予迁入证明；迁出地核对、签发户口迁移证；迁入地落户。',
    },
    patrol: {
      title: '联合巡逻',
      placeholder: '这里将记录与邻省警方的联勤巡逻和“一点两检”道口查控，多方共同填写并签认。',
    },
    sync: {
      title: '同步',
      placeholder: '这里将显示与相邻省份派出所的批量同步：交换节点连接、待发送事件、隔离批次和冲突，以及离线交换文件的导出与导入。',
    },
    settings: {
      title: '设置',
      hostInfo: '运行环境',
      host: {
        electron: '桌面应用',
        browser: '浏览器',
      },
      version: '版本',
      storagePersisted: '本地数据已设为持久保存',
      storageNotPersisted: '浏览器未承诺持久保存本地数据，请勿清除浏览数据',
      diagnostics: {
        title: '诊断信息',
        hint: '导出一个 zip 文件交给运维人员：包含版本、运行日志、同步状态和数据库版本，不含居民、民警或案件数据。',
        export: '导出诊断信息',
        exporting: '正在导出…',
        saved: '诊断信息已保存',
        cancelled: '已取消导出',
        failed: '导出失败：{reason}',
      },
    },
  },
  db: {
    quota: '磁盘空间不足，刚才的操作没有保存。请清理磁盘后重试，已填写的内容仍保留在页面上。',
    blocked: '数据库正在升级，但另一个窗口仍在使用旧版本。请关闭其他窗口后继续。',
    versionchange: '数据库已在另一个窗口中升级，本窗口已暂停写入。请重新加载以继续工作。',
    unavailable: '无法打开本地数据库。请重新启动程序；如仍失败，请联系系统管理员。',
    dataKey: '无法解锁本站数据：本机的数据密钥无法使用（可能更换了电脑或 Windows 用户）。请用原 Windows 用户登录本机；如已更换电脑，请由所管理员从站所备份恢复。',
    reload: '重新加载',
  },
  common: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    close: '关闭',
    /** Punctuation differs by language: lists, a label before its value, a note after a text. */
    listSeparator: '、',
    labelled: '{label}：{value}',
    withNote: '{text}（{note}）',
    setByPolicy: '由组策略设定',
  },
};

export default zhCN;
export type MessageSchema = typeof zhCN;
