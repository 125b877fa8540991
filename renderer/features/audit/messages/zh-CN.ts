/** 简体中文: the reference language of the audit messages. English must have exactly these keys (typed). */
const zhCN = {
  title: '审计日志',
  intro: '记录谁在何时对什么做了什么。每条记录与前一条以哈希相连，任何修改、插入或删除都会被校验发现。记录至少保存6个月，期满前不会清除。',
  denied: '只有审计员可以查看审计日志。本次访问已记录在审计日志中。',
  filter: {
    time: '时间',
    start: '开始时间',
    end: '结束时间',
    officer: '民警',
    officerPlaceholder: '警号',
    action: '操作',
    result: '结果',
    all: '全部',
    search: '查询',
    reset: '重置',
  },
  column: {
    seq: '序号',
    at: '时间',
    station: '站点',
    officer: '民警',
    action: '操作',
    object: '对象',
    result: '结果',
    detail: '说明',
    prevHash: '前一条哈希',
    hash: '哈希',
  },
  result: {
    success: '成功',
    denied: '拒绝',
    failure: '失败',
  },
  verify: '校验审计链',
  verifying: '正在校验 {checked}/{total}',
  intact: '审计链完整：共 {count} 条记录，未发现篡改。',
  broken: '审计链在第 {seq} 条记录处断裂：{reason}。该条及之后的记录不可信，请上报。',
  reason: {
    hash: '记录内容被修改',
    link: '与前一条记录的哈希链接不符（记录被插入、替换或删除）',
    sequence: '序号不连续（记录被删除或插入）',
    anchor: '与本机另存的审计链末端不符（最新的记录被删除或替换）',
  },
  brokenEntries: '断裂处附近的记录',
  export: '导出CSV',
  exported: '已导出 {count} 条记录',
  exportCancelled: '已取消导出',
  fileName: '审计日志',
  empty: '没有符合条件的记录',
  actions: {
    session: {
      signIn: '登录',
      signOut: '退出登录',
      lock: '锁定屏幕',
      unlock: '解锁屏幕',
      changePassword: '修改密码',
    },
    officer: {
      create: '创建民警账号',
      update: '修改民警账号',
      resetPassword: '重置密码',
      unlock: '解除登录锁定',
      disable: '停用账号',
      enable: '启用账号',
      manage: '管理民警账号',
    },
    audit: {
      view: '查看审计日志',
      verify: '校验审计链',
      export: '导出审计日志',
    },
    demo: {
      load: '加载演示数据',
    },
    migration: {
      approve: '审批迁移',
      reject: '驳回迁移',
    },
    person: {
      view: '查看人员档案',
      reveal: '查看完整敏感信息',
    },
  },
};

export default zhCN;
export type AuditMessages = typeof zhCN;
