// A small module that fails like real code does: an error thrown two calls deep.
function applyDiscount(cart, code) {
  if (!cart.items.length) {
    throw new Error("checkout failed: empty cart");
  }
  return cart.total * (code === "HALF" ? 0.5 : 1);
}

function checkout(cart) {
  const total = applyDiscount(cart, "HALF");
  return { total, currency: cart.currency };
}

module.exports = { checkout };
