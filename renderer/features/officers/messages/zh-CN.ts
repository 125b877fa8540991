/** 简体中文: the reference language of the officers messages. English must have exactly these keys (typed). */
const zhCN = {
  title: '民警账号',
  intro: '所管理员在此创建民警账号、分配角色、重置密码、解除锁定和停用账号。所管理员不能修改或删除审计日志。',
  policeNumber: '警号',
  name: '姓名',
  roles: '角色',
  status: '状态',
  lastSignIn: '最近登录',
  actions: '操作',
  state: {
    active: '正常',
    locked: '已锁定',
    disabled: '已停用',
    mustChange: '待改密',
  },
  create: '新建账号',
  edit: '编辑',
  resetPassword: '重置密码',
  unlock: '解除锁定',
  disable: '停用',
  enable: '启用',
  form: {
    createTitle: '新建民警账号',
    editTitle: '编辑民警账号',
    resetTitle: '重置密码：{name}',
    resetHint: '设置一个临时密码并告知本人；本人下次登录时必须修改。',
    temporaryPassword: '临时密码',
    rolesRequired: '至少选择一个角色',
    duplicate: '该警号已有账号',
    discard: '放弃已填写的内容吗？',
  },
  confirmDisable: '确定停用 {name}（{policeNumber}）的账号吗？停用后该民警无法登录。',
  confirmUnlock: '确定解除 {name} 的登录锁定吗？',
  lastAdmin: '至少要保留一个可用的所管理员账号',
  saved: '已保存',
  denied: '只有所管理员可以管理民警账号。本次访问已记录在审计日志中。',
};

export default zhCN;
export type OfficersMessages = typeof zhCN;
