Page({
  data: { greeting: '' },
  onLoad() {
    this.setData({ greeting: 'hello' });
  },
});
