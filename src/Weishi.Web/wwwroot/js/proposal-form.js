// The proposal form: fields marked data-service-only (计划服务场次) show for 服务类 projects only.
(function () {
  var type = document.getElementById('type');
  if (!type) return;
  function update() {
    document.querySelectorAll('[data-service-only]').forEach(function (field) {
      field.hidden = type.value !== 'Service';
    });
  }
  type.addEventListener('change', update);
  update();
})();
